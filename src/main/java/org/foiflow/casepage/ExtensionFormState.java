package org.foiflow.casepage;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Groups;
import org.foiflow.assessment.CatalogueTitles;
import org.foiflow.casefile.Regime;
import org.foiflow.clock.CaseClock;
import org.foiflow.intake.DeadlineExtensions.Kind;
import org.foiflow.intake.DeadlineExtensions;
import org.foiflow.intake.RequestStatus;
import org.foiflow.security.FoiGroups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The case page's "Extend the deadline" form as shown: offered on an open case to those who may extend (FOI officers
 * and administrators, as the API allows), with the one kind of extension the case's regime has, what was typed and
 * each refused field's problem in plain words.
 */
public record ExtensionFormState(boolean open, boolean mayExtend, String kind, String kindLabel, String reason,
                                 String exemption, String extendedDueOn, Map<String, String> errors,
                                 List<Option> exemptions, String noExtension) {

  /** An exemption the officer may name for a public interest extension. */
  public record Option(String code, String label) {
  }

  static final Map<Kind, String> KINDS = Map.of(
      Kind.PUBLIC_INTEREST, "Time to consider the public interest (s.10(3) FOIA)",
      Kind.EIR_COMPLEX, "Complex and voluminous: 40 working days from receipt (reg 7(1) EIR)");
  static final String EISR_COMPLEX = "Complex and voluminous: 40 working days from receipt (reg 7(1) EISR)";

  /** The FOIA sections of the catalogue; a public interest extension is for a qualified exemption (s.17(2)). */
  private static final List<Option> FOIA_EXEMPTIONS = CatalogueTitles.all().entrySet().stream()
      .filter(entry -> entry.getKey().startsWith("s"))
      .map(entry -> new Option(entry.getKey(), entry.getValue().section() + ": " + entry.getValue().title()))
      .toList();

  static ExtensionFormState blank(RequestStatus status, Authentication signedIn) {
    return typed(status, signedIn, null, null, null, Map.of());
  }

  static ExtensionFormState typed(RequestStatus status, Authentication signedIn, String reason, String exemption,
                                  String extendedDueOn, Map<String, String> errors) {
    Kind kind = DeadlineExtensions.kindFor(status.regime());
    boolean open = status.outcome() == null && !CaseClock.STOPPED.equals(status.clock());
    if (kind == null) {
      // FOISA: the page says why there is no form, rather than offer one every submission of which is refused
      return new ExtensionFormState(open, mayExtend(signedIn), null, null, reason, exemption, extendedDueOn, errors,
          List.of(), DeadlineExtensions.NO_EXTENSION_UNDER_FOISA);
    }
    String label = kind == Kind.EIR_COMPLEX && Regime.of(status.regime()).scottish() ? EISR_COMPLEX : KINDS.get(kind);
    return new ExtensionFormState(open, mayExtend(signedIn), kind.name(), label, reason, exemption,
        extendedDueOn, errors, kind == Kind.PUBLIC_INTEREST ? FOIA_EXEMPTIONS : List.of(), null);
  }

  /** FOI officers and administrators: extending is an officer's action (security.OnBehalfOfUser). */
  static boolean mayExtend(Authentication signedIn) {
    return signedIn != null && signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(group -> group.equals(FoiGroups.OFFICERS) || group.equals(Groups.CAMUNDA_ADMIN));
  }

  /** An extension the case's law allows can be asked for here (not under FOISA). */
  public boolean extendable() {
    return kind != null;
  }

  public boolean publicInterest() {
    return Kind.PUBLIC_INTEREST.name().equals(kind);
  }

  public String error(String field) {
    return errors.get(field);
  }
}
