package org.foiflow.complaints;

import static org.foiflow.complaints.ComplaintVariable.CASE_REFERENCE;
import static org.foiflow.complaints.ComplaintVariable.COMPLAINT_SUMMARY;
import static org.foiflow.complaints.ComplaintVariable.ICO_REFERENCE;
import static org.foiflow.complaints.ComplaintVariable.NOTIFIED_ON;
import static org.foiflow.complaints.ComplaintVariable.RESPOND_BY;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.clock.CaseClock;
import org.foiflow.intake.RequestStatusQuery;
import org.foiflow.security.OnBehalfOfUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/requests/{reference}/ico-complaints: the Information Commissioner notified a complaint (s.50). */
@RestController
public class ComplaintController {

  public record Notification(@NotBlank(message = "the Commissioner's case reference is required")
                             @Size(max = 40, message = "at most 40 characters") String icoReference,
                             LocalDate notifiedOn,
                             @NotNull(message = "the date the Commissioner set for our response is required") LocalDate respondBy,
                             @Size(max = 4000, message = "at most 4000 characters") String summary) {
  }

  private final RuntimeService runtimeService;
  private final RequestStatusQuery statusQuery;
  private final CaseClock caseClock;
  private final OnBehalfOfUser onBehalfOfUser;

  public ComplaintController(RuntimeService runtimeService, RequestStatusQuery statusQuery, CaseClock caseClock,
                             OnBehalfOfUser onBehalfOfUser) {
    this.runtimeService = runtimeService;
    this.statusQuery = statusQuery;
    this.caseClock = caseClock;
    this.onBehalfOfUser = onBehalfOfUser;
  }

  @PostMapping("/api/requests/{reference}/ico-complaints")
  public ResponseEntity<ComplaintLogged> notified(@PathVariable String reference, @Valid @RequestBody Notification body) {
    statusQuery.byReference(reference).orElseThrow(() -> new UnknownCaseException(reference));
    LocalDate notifiedOn = body.notifiedOn() != null ? body.notifiedOn() : caseClock.today();
    VariableMap variables = Variables.createVariables()
        .putValue(CASE_REFERENCE.key(), reference)
        .putValue(ICO_REFERENCE.key(), body.icoReference().strip())
        .putValue(NOTIFIED_ON.key(), notifiedOn.toString())
        .putValue(RESPOND_BY.key(), body.respondBy().toString())
        .putValue(COMPLAINT_SUMMARY.key(), body.summary());
    ProcessInstance started = onBehalfOfUser.act(
        () -> runtimeService.startProcessInstanceByKey(IcoComplaint.PROCESS_KEY, variables));
    return ResponseEntity.created(URI.create("/api/requests/" + reference + "/ico-complaints/" + started.getId()))
        .body(new ComplaintLogged(reference, started.getId(), body.icoReference().strip(), notifiedOn.toString(),
            body.respondBy().toString()));
  }

  /** The ICO's complaint about a case, logged: the process that handles it and the dates it runs to. */
  public record ComplaintLogged(String reference, String complaintProcessInstanceId, String icoReference,
                                String notifiedOn, String respondBy) {
  }
}
