package org.foiflow.casefile;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where the authority answers from, set once per installation ({@code foiflow.jurisdiction}, environment
 * {@code FOIFLOW_JURISDICTION}): {@code uk} (FOIA and the EIR: England, Wales, Northern Ireland and UK-wide
 * authorities) or {@code scotland} (FOISA and the EISR). It decides the regimes a request may be logged under, the
 * working days of the statutory clock, the review, the Commissioner and the letters' law.
 */
public enum Jurisdiction {

  UK("uk"),
  SCOTLAND("scotland");

  private final String setting;

  Jurisdiction(String setting) {
    this.setting = setting;
  }

  /** The value of {@code foiflow.jurisdiction}, e.g. "scotland". */
  public String setting() {
    return setting;
  }

  /** The regimes requests are answered under here, the usual one first. */
  public List<Regime> regimes() {
    return Arrays.stream(Regime.values()).filter(regime -> regime.jurisdiction() == this).toList();
  }

  /** The regime of a request that names none: FOIA, or FOISA in Scotland. */
  public Regime defaultRegime() {
    return regimes().get(0);
  }

  /** The environmental regime here: the EIR, or the EISR in Scotland. */
  public Regime environmentalRegime() {
    return regimes().stream().filter(Regime::environmental).findFirst().orElseThrow();
  }

  /** The regime a request names, or the usual one here when it names none. */
  public Regime regimeOr(String given) {
    Regime regime = Regime.parse(given);
    return regime != null ? regime : defaultRegime();
  }

  /**
   * Why {@code given} cannot be a request's regime here, or null when it can (a blank one takes the default):
   * a Scottish authority does not answer under FOIA, nor a UK one under FOISA.
   */
  public String regimeProblem(String given) {
    if (given == null || given.isBlank()) {
      return null;
    }
    Regime regime = Regime.parse(given);
    if (regime == null) {
      return "must be one of " + String.join(", ", regimes().stream().map(Regime::name).toList());
    }
    if (regime.jurisdiction() != this) {
      return this == SCOTLAND
          ? regime.name() + " is not the law of a Scottish public authority: requests here are answered under the "
              + "Freedom of Information (Scotland) Act 2002 (FOISA) or, for environmental information, the "
              + "Environmental Information (Scotland) Regulations 2004 (EISR)"
          : regime.name() + " is for Scottish public authorities: requests here are answered under the Freedom of "
              + "Information Act 2000 (FOIA) or, for environmental information, the Environmental Information "
              + "Regulations 2004 (EIR)";
    }
    return null;
  }

  /** The setting's value ("scotland", any case); a value that names no jurisdiction stops the application. */
  public static Jurisdiction of(String setting) {
    if (setting == null || setting.isBlank()) {
      return UK;
    }
    for (Jurisdiction jurisdiction : values()) {
      if (jurisdiction.setting.equals(setting.strip().toLowerCase(Locale.ROOT))) {
        return jurisdiction;
      }
    }
    throw new IllegalArgumentException("foiflow.jurisdiction must be uk or scotland, not '" + setting + "'");
  }
}
