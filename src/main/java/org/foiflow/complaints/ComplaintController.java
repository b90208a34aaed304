package org.foiflow.complaints;

import static org.foiflow.complaints.ComplaintVariable.APPEAL_BODY;
import static org.foiflow.complaints.ComplaintVariable.CASE_REFERENCE;
import static org.foiflow.complaints.ComplaintVariable.COMMISSIONER;
import static org.foiflow.complaints.ComplaintVariable.LATE_APPLICATION;
import static org.foiflow.complaints.ComplaintVariable.REVIEW_RESPONDED_ON;
import static org.foiflow.complaints.ComplaintVariable.COMPLAINT_SUMMARY;
import static org.foiflow.complaints.ComplaintVariable.ICO_REFERENCE;
import static org.foiflow.complaints.ComplaintVariable.NOTIFIED_ON;
import static org.foiflow.complaints.ComplaintVariable.RESPOND_BY;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
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

/**
 * POST /api/requests/{reference}/ico-complaints: the Commissioner notified a complaint: the Information Commissioner
 * (s.50), or for a Scottish case an application to the Scottish Information Commissioner (FOISA s.47).
 */
@RestController
public class ComplaintController {

  public record Notification(@NotBlank(message = "the Commissioner's case reference is required")
                             @Size(max = 40, message = "at most 40 characters") String icoReference,
                             LocalDate notifiedOn,
                             @NotNull(message = "the date the Commissioner set for our response is required") LocalDate respondBy,
                             @Size(max = 4000, message = "at most 4000 characters") String summary) {
  }

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final RequestStatusQuery statusQuery;
  private final CaseClock caseClock;
  private final OnBehalfOfUser onBehalfOfUser;

  public ComplaintController(RuntimeService runtimeService, HistoryService historyService,
                             RequestStatusQuery statusQuery, CaseClock caseClock, OnBehalfOfUser onBehalfOfUser) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
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
    Map<String, Object> recorded = new HashMap<>();
    historyService.createHistoricVariableInstanceQuery().processInstanceId(started.getId())
        .variableNameIn(COMMISSIONER.key(), APPEAL_BODY.key(), LATE_APPLICATION.key(), REVIEW_RESPONDED_ON.key()).list()
        .forEach(variable -> recorded.put(variable.getName(), variable.getValue()));
    return ResponseEntity.created(URI.create("/api/requests/" + reference + "/ico-complaints/" + started.getId()))
        .body(new ComplaintLogged(reference, started.getId(), body.icoReference().strip(), notifiedOn.toString(),
            body.respondBy().toString(), (String) recorded.get(COMMISSIONER.key()),
            (String) recorded.get(APPEAL_BODY.key()), (String) recorded.get(REVIEW_RESPONDED_ON.key()),
            (Boolean) recorded.get(LATE_APPLICATION.key())));
  }

  /**
   * The Commissioner's complaint about a case, logged: the process that handles it, the dates it runs to, the
   * Commissioner and the appeal body for the case's law; for a Scottish case also the last review response and
   * whether the application came more than six months after it (recorded all the same).
   */
  public record ComplaintLogged(String reference, String complaintProcessInstanceId, String icoReference,
                                String notifiedOn, String respondBy, String commissioner, String appealBody,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String reviewRespondedOn,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Boolean lateApplication) {
  }
}
