package org.foiflow.intake;

import static org.foiflow.casefile.CaseVariable.EXTENDED_DUE_ON;
import static org.foiflow.casefile.CaseVariable.EXTENSION_EXEMPTION;
import static org.foiflow.casefile.CaseVariable.EXTENSION_KIND;
import static org.foiflow.casefile.CaseVariable.EXTENSION_REASON;
import static org.foiflow.casefile.CaseVariable.EXTENSION_REQUESTED_ON;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.casefile.UserText;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.StatutoryClock;
import org.foiflow.security.OnBehalfOfUser;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/requests/{reference}/extension: an officer extends the deadline of an open case. The rules that
 * make an extension lawful are checked before anything is sent to the process.
 */
@RestController
public class ExtensionController {

  public enum Kind { PUBLIC_INTEREST, EIR_COMPLEX }

  public record ExtensionRequest(@NotNull(message = "PUBLIC_INTEREST or EIR_COMPLEX") Kind kind,
                                 @NotBlank(message = "the reason for the extension is required")
                                 @Size(max = 2000, message = "at most 2000 characters") String reason,
                                 String exemption,
                                 LocalDate extendedDueOn) {
  }

  private final RuntimeService runtimeService;
  private final RequestStatusQuery statusQuery;
  private final CaseClock caseClock;
  private final StatutoryClock statutoryClock;
  private final OnBehalfOfUser onBehalfOfUser;

  public ExtensionController(RuntimeService runtimeService, RequestStatusQuery statusQuery, CaseClock caseClock,
                             StatutoryClock statutoryClock, OnBehalfOfUser onBehalfOfUser) {
    this.onBehalfOfUser = onBehalfOfUser;
    this.runtimeService = runtimeService;
    this.statusQuery = statusQuery;
    this.caseClock = caseClock;
    this.statutoryClock = statutoryClock;
  }

  @PostMapping("/api/requests/{reference}/extension")
  public ExtensionGiven extend(@PathVariable String reference, @Valid @RequestBody ExtensionRequest body) {
    RequestStatus status = statusQuery.byReference(reference).orElseThrow(() -> new UnknownCaseException(reference));
    LocalDate today = caseClock.today();
    LocalDate due = LocalDate.parse(status.dueOn());
    Map<String, String> problems = new LinkedHashMap<>();
    if (status.outcome() != null || CaseClock.STOPPED.equals(status.clock())) {
      problems.put("reference", "the case is closed");
    } else if (today.isAfter(due)) {
      problems.put("reference", "the deadline " + due + " has passed: an extension must be given within the 20 working days");
    }
    if (body.kind() == Kind.PUBLIC_INTEREST) {
      if (!"FOIA".equals(status.regime())) {
        problems.put("kind", "a public interest extension (s.10(3)) is for FOIA requests; use EIR_COMPLEX under the EIR");
      }
      if (body.exemption() == null || body.exemption().isBlank()) {
        problems.put("exemption", "name the qualified exemption whose public interest test needs the time (s.17(2))");
      }
      if (body.extendedDueOn() == null || !body.extendedDueOn().isAfter(due)) {
        problems.put("extendedDueOn", "must be a date after the current due date " + due);
      }
    } else if (!"EIR".equals(status.regime())) {
      problems.put("kind", "the 40-working-day extension (reg 7) is for environmental information requests");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    var correlation = runtimeService.createMessageCorrelation("DeadlineExtension")
        .processInstanceBusinessKey(reference)
        .setVariable(EXTENSION_KIND.key(), body.kind().name())
        .setVariable(EXTENSION_REASON.key(), UserText.normalise(body.reason()))
        .setVariable(EXTENSION_REQUESTED_ON.key(), today.toString());
    if (body.exemption() != null) {
      correlation.setVariable(EXTENSION_EXEMPTION.key(), UserText.normalise(body.exemption()));
    }
    if (body.extendedDueOn() != null) {
      correlation.setVariable(EXTENDED_DUE_ON.key(), body.extendedDueOn().toString());
    }
    onBehalfOfUser.act(correlation::correlate);
    RequestStatus extended = statusQuery.byReference(reference).orElseThrow();
    LocalDate newDue = LocalDate.parse(extended.dueOn());
    return new ExtensionGiven(extended, due.toString(),
        body.kind() == Kind.PUBLIC_INTEREST && statutoryClock.extensionExceedsGuidance(due, newDue));
  }

  /**
   * The case with its new due date, the date it replaced, and whether a public interest extension goes past the
   * ICO's guidance of 20 further working days.
   */
  public record ExtensionGiven(@JsonUnwrapped RequestStatus status, String originalDueOn,
                               boolean extensionExceedsGuidance) {
  }
}
