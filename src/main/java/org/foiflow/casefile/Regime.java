package org.foiflow.casefile;

import java.util.Locale;

/**
 * The law a request is answered under. The UK's Freedom of Information Act 2000 and Environmental Information
 * Regulations 2004 serve authorities in England, Wales and Northern Ireland (and UK-wide ones); Scottish public
 * authorities answer under the Freedom of Information (Scotland) Act 2002 and the Environmental Information
 * (Scotland) Regulations 2004. Which ones an installation takes is its {@link Jurisdiction}.
 */
public enum Regime {

  FOIA(Jurisdiction.UK, false, "Freedom of Information Act 2000", "the Act"),
  EIR(Jurisdiction.UK, true, "Environmental Information Regulations 2004", "the EIR"),
  FOISA(Jurisdiction.SCOTLAND, false, "Freedom of Information (Scotland) Act 2002", "FOISA"),
  EISR(Jurisdiction.SCOTLAND, true, "Environmental Information (Scotland) Regulations 2004", "the EISR");

  private final Jurisdiction jurisdiction;
  private final boolean environmental;
  private final String title;
  private final String shortName;

  Regime(Jurisdiction jurisdiction, boolean environmental, String title, String shortName) {
    this.jurisdiction = jurisdiction;
    this.environmental = environmental;
    this.title = title;
    this.shortName = shortName;
  }

  /** The jurisdiction whose authorities answer under this regime. */
  public Jurisdiction jurisdiction() {
    return jurisdiction;
  }

  /** Environmental information regulations (EIR, EISR): exceptions, not exemptions; reg 7 / reg 7 extensions. */
  public boolean environmental() {
    return environmental;
  }

  /** A Scottish regime (FOISA, EISR): Scottish working days, statutory review, the Scottish Information Commissioner. */
  public boolean scottish() {
    return jurisdiction == Jurisdiction.SCOTLAND;
  }

  /** The full title, e.g. "Freedom of Information (Scotland) Act 2002". */
  public String title() {
    return title;
  }

  /** How a letter names it after the first mention, e.g. "FOISA", "the EIR". */
  public String shortName() {
    return shortName;
  }

  /** The regime a case keeps ({@code "EISR"}); FOIA for a case that never named one (cases logged before regimes). */
  public static Regime of(String kept) {
    if (kept == null || kept.isBlank()) {
      return FOIA;
    }
    return valueOf(kept.strip().toUpperCase(Locale.ROOT));
  }

  /** The regime a case keeps, or null when the text names none (for validation: {@link Jurisdiction#regimeProblem}). */
  public static Regime parse(String given) {
    if (given == null || given.isBlank()) {
      return null;
    }
    for (Regime regime : values()) {
      if (regime.name().equalsIgnoreCase(given.strip())) {
        return regime;
      }
    }
    return null;
  }
}
