package org.foiflow.intake;

import static org.foiflow.casefile.CaseVariable.EXTENDED_DUE_ON;
import static org.foiflow.casefile.CaseVariable.EXTENSION_EXEMPTION;
import static org.foiflow.casefile.CaseVariable.EXTENSION_KIND;
import static org.foiflow.casefile.CaseVariable.EXTENSION_REASON;
import static org.foiflow.casefile.CaseVariable.EXTENSION_REQUESTED_ON;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.Regime;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.casefile.UserText;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.ExtendDeadline;
import org.foiflow.clock.StatutoryClock;
import org.foiflow.security.OnBehalfOfUser;
import org.springframework.stereotype.Component;

/**
 * Extending an open case's deadline, whichever door it comes through (the API's POST
 * /api/requests/{reference}/extension, the case page's "Extend the deadline" form): the rules that make an
 * extension lawful are checked here, in plain words by field, before the DeadlineExtension message reaches the
 * process, whose "Extend the statutory deadline" step still refuses a date that is not later.
 */
@Component
public class DeadlineExtensions {

  /** FOIA s.10(3) time to consider the public interest; EIR (and EISR) reg 7(1) complex and voluminous. */
  public enum Kind { PUBLIC_INTEREST, EIR_COMPLEX }

  /** The longest reason kept. */
  public static final int LONGEST_REASON = 2000;

  private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** What the officer asks for; {@code exemption} and {@code extendedDueOn} only for a public interest extension. */
  public record Asked(Kind kind, String reason, String exemption, LocalDate extendedDueOn) {
  }

  /**
   * The case with its new due date, the date it replaced, and whether a public interest extension goes past the
   * ICO's guidance of 20 further working days.
   */
  public record Given(RequestStatus status, String originalDueOn, boolean extensionExceedsGuidance) {
  }

  private final RuntimeService runtimeService;
  private final RequestStatusQuery statusQuery;
  private final CaseClock caseClock;
  private final StatutoryClock statutoryClock;
  private final OnBehalfOfUser onBehalfOfUser;

  public DeadlineExtensions(RuntimeService runtimeService, RequestStatusQuery statusQuery, CaseClock caseClock,
                            StatutoryClock statutoryClock, OnBehalfOfUser onBehalfOfUser) {
    this.runtimeService = runtimeService;
    this.statusQuery = statusQuery;
    this.caseClock = caseClock;
    this.statutoryClock = statutoryClock;
    this.onBehalfOfUser = onBehalfOfUser;
  }

  /**
   * The kind of extension the case's regime allows: a form offers only this one. Reg 7 for the EIR and the EISR; the
   * public interest extension under FOIA; none under FOISA (null: {@link #NO_EXTENSION_UNDER_FOISA}).
   */
  public static Kind kindFor(String regime) {
    Regime law = Regime.of(regime);
    if (law.environmental()) {
      return Kind.EIR_COMPLEX;
    }
    return law.scottish() ? null : Kind.PUBLIC_INTEREST;
  }

  /** Why a FOISA case's deadline cannot be extended, as every door says it. */
  public static final String NO_EXTENSION_UNDER_FOISA = ExtendDeadline.NO_EXTENSION_UNDER_FOISA;

  /**
   * Checks the extension and gives it, as the signed-in officer; refuses with every problem by field
   * ({@link InvalidRequestException}) when it is not lawful or not complete.
   */
  public Given extend(String reference, Asked asked) {
    Map<String, String> problems = problemsWith(reference, asked);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    LocalDate today = caseClock.today();
    LocalDate due = LocalDate.parse(statusQuery.byReference(reference).orElseThrow().dueOn());
    var correlation = runtimeService.createMessageCorrelation("DeadlineExtension")
        .processInstanceBusinessKey(reference)
        .setVariable(EXTENSION_KIND.key(), asked.kind().name())
        .setVariable(EXTENSION_REASON.key(), UserText.normalise(asked.reason()))
        .setVariable(EXTENSION_REQUESTED_ON.key(), today.toString());
    if (asked.exemption() != null && !asked.exemption().isBlank()) {
      correlation.setVariable(EXTENSION_EXEMPTION.key(), UserText.normalise(asked.exemption()));
    }
    if (asked.extendedDueOn() != null) {
      correlation.setVariable(EXTENDED_DUE_ON.key(), asked.extendedDueOn().toString());
    }
    onBehalfOfUser.act(correlation::correlate);
    RequestStatus extended = statusQuery.byReference(reference).orElseThrow();
    LocalDate newDue = LocalDate.parse(extended.dueOn());
    return new Given(extended, due.toString(),
        asked.kind() == Kind.PUBLIC_INTEREST && statutoryClock.extensionExceedsGuidance(due, newDue));
  }

  /**
   * Every reason the extension cannot be given, by field, in plain words; empty when it can. A form shows them all
   * at once, beside its own (a date it could not read).
   */
  public Map<String, String> problemsWith(String reference, Asked asked) {
    RequestStatus status = statusQuery.byReference(reference).orElseThrow(() -> new UnknownCaseException(reference));
    LocalDate today = caseClock.today();
    LocalDate due = LocalDate.parse(status.dueOn());
    Map<String, String> problems = new LinkedHashMap<>();
    if (status.outcome() != null || CaseClock.STOPPED.equals(status.clock())) {
      problems.put("reference", "the case is closed");
    } else if (today.isAfter(due)) {
      problems.put("reference", "the deadline " + UK_DATE.format(due)
          + " has passed: an extension must be given within the 20 working days");
    }
    Regime law = Regime.of(status.regime());
    if (kindFor(status.regime()) == null) {
      problems.put("kind", NO_EXTENSION_UNDER_FOISA);
    } else if (asked.kind() == null) {
      problems.put("kind", "PUBLIC_INTEREST or EIR_COMPLEX");
    } else if (asked.kind() == Kind.PUBLIC_INTEREST) {
      if (law.environmental()) {
        problems.put("kind", law.scottish()
            ? "the EISR have no public interest extension; use EIR_COMPLEX for a complex and voluminous request "
                + "(reg 7, 40 working days)"
            : "a public interest extension (s.10(3)) is for FOIA requests; use EIR_COMPLEX under the EIR");
      }
      if (asked.exemption() == null || asked.exemption().isBlank()) {
        problems.put("exemption", "name the qualified exemption whose public interest test needs the time (s.17(2))");
      }
      if (asked.extendedDueOn() == null || !asked.extendedDueOn().isAfter(due)) {
        problems.put("extendedDueOn", "must be a date after the current due date " + UK_DATE.format(due));
      }
    } else if (!law.environmental()) {
      problems.put("kind", "the 40-working-day extension (reg 7) is for environmental information requests");
    }
    if (asked.reason() == null || asked.reason().isBlank()) {
      problems.put("reason", "the reason for the extension is required");
    } else if (asked.reason().length() > LONGEST_REASON) {
      problems.put("reason", "at most " + LONGEST_REASON + " characters");
    }
    return problems;
  }
}
