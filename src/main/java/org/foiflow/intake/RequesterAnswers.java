package org.foiflow.intake;

import static org.foiflow.casefile.CaseVariable.CLARIFICATION_RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.CLARIFIED_REQUEST;
import static org.foiflow.casefile.CaseVariable.FEE_PAID_POUNDS;
import static org.foiflow.casefile.CaseVariable.FEE_RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.REQUESTER_ANSWER;
import static org.foiflow.casefile.CaseVariable.WITHDRAWAL_NOTE;
import static org.foiflow.casefile.CaseVariable.WITHDRAWN_ON;
import static org.foiflow.intake.RequesterAnswerRules.AWAITING_CLARIFICATION;
import static org.foiflow.intake.RequesterAnswerRules.AWAITING_FEE;
import static org.foiflow.intake.RequesterAnswerRules.CLARIFIED;
import static org.foiflow.intake.RequesterAnswerRules.FEE_PAID;
import static org.foiflow.intake.RequesterAnswerRules.WITHDRAWN;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.casefile.CaseConflictException;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseVariable;
import org.foiflow.casefile.GivenDates;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.clock.CaseClock;
import org.foiflow.security.OnBehalfOfUser;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The requester's answers while the clock is stopped, recorded by an officer; each completes the case's waiting
 * task ("Awaiting clarification" or "Awaiting fee") as that officer, under the task's own rules
 * ({@link RequesterAnswerRules}), exactly as completing it in Tasklist would:
 * POST /api/requests/{reference}/clarification (s.1(3): the clarified request starts 20 new working days),
 * POST /api/requests/{reference}/fee-payment (s.10(2): the days between the fees notice and payment are not
 * counted) and POST /api/requests/{reference}/withdrawal (the case closes as withdrawn). A date left out is today;
 * dates are taken as 14/05/2026 or 2026-05-14. 409 when the case is not waiting for that answer.
 */
@RestController
public class RequesterAnswers {

  public record Clarification(String receivedOn, String clarifiedRequest) {
  }

  public record FeePayment(String paidOn, BigDecimal amountPounds) {
  }

  public record Withdrawal(String withdrawnOn, String note) {
  }

  private final TaskService taskService;
  private final RequestStatusQuery statusQuery;
  private final CaseClock caseClock;
  private final OnBehalfOfUser onBehalfOfUser;

  public RequesterAnswers(TaskService taskService, RequestStatusQuery statusQuery, CaseClock caseClock,
                          OnBehalfOfUser onBehalfOfUser) {
    this.taskService = taskService;
    this.statusQuery = statusQuery;
    this.caseClock = caseClock;
    this.onBehalfOfUser = onBehalfOfUser;
  }

  @PostMapping("/api/requests/{reference}/clarification")
  public RequestStatus clarified(@PathVariable String reference, @RequestBody(required = false) Clarification body) {
    Clarification given = body == null ? new Clarification(null, null) : body;
    Map<String, String> problems = new LinkedHashMap<>();
    LocalDate receivedOn = day("receivedOn", given.receivedOn(), problems);
    VariableMap answer = Variables.createVariables().putValue(REQUESTER_ANSWER.key(), CLARIFIED)
        .putValue(CLARIFICATION_RECEIVED_ON.key(), receivedOn == null ? null : receivedOn.toString())
        .putValue(CLARIFIED_REQUEST.key(), given.clarifiedRequest());
    return answer(reference, List.of(AWAITING_CLARIFICATION), "the case is not waiting for a clarification",
        answer, problems, Map.of(CLARIFICATION_RECEIVED_ON, "receivedOn", CLARIFIED_REQUEST, "clarifiedRequest"));
  }

  @PostMapping("/api/requests/{reference}/fee-payment")
  public RequestStatus feePaid(@PathVariable String reference, @RequestBody(required = false) FeePayment body) {
    FeePayment given = body == null ? new FeePayment(null, null) : body;
    Map<String, String> problems = new LinkedHashMap<>();
    LocalDate paidOn = day("paidOn", given.paidOn(), problems);
    VariableMap answer = Variables.createVariables().putValue(REQUESTER_ANSWER.key(), FEE_PAID)
        .putValue(FEE_RECEIVED_ON.key(), paidOn == null ? null : paidOn.toString())
        .putValue(FEE_PAID_POUNDS.key(), given.amountPounds() == null ? null : given.amountPounds().doubleValue());
    return answer(reference, List.of(AWAITING_FEE), "the case is not waiting for a fee", answer, problems,
        Map.of(FEE_RECEIVED_ON, "paidOn", FEE_PAID_POUNDS, "amountPounds"));
  }

  @PostMapping("/api/requests/{reference}/withdrawal")
  public RequestStatus withdrawn(@PathVariable String reference, @RequestBody(required = false) Withdrawal body) {
    Withdrawal given = body == null ? new Withdrawal(null, null) : body;
    Map<String, String> problems = new LinkedHashMap<>();
    LocalDate withdrawnOn = day("withdrawnOn", given.withdrawnOn(), problems);
    VariableMap answer = Variables.createVariables().putValue(REQUESTER_ANSWER.key(), WITHDRAWN)
        .putValue(WITHDRAWN_ON.key(), withdrawnOn == null ? null : withdrawnOn.toString())
        .putValue(WITHDRAWAL_NOTE.key(), given.note());
    return answer(reference, List.of(AWAITING_CLARIFICATION, AWAITING_FEE),
        "the case is not waiting on the requester (for a clarification or a fee)", answer, problems,
        Map.of(WITHDRAWN_ON, "withdrawnOn", WITHDRAWAL_NOTE, "note"));
  }

  /** The day as given, or today when left out; a field that is not a date is noted. */
  private LocalDate day(String field, String given, Map<String, String> problems) {
    return given == null || given.isBlank() ? caseClock.today() : GivenDates.typed(field, given, problems);
  }

  /** Completes the case's waiting task with the answer, as the signed-in officer, or says why not. */
  private RequestStatus answer(String reference, List<String> waitingTasks, String notWaiting, VariableMap answer,
                               Map<String, String> problems, Map<CaseVariable, String> apiNames) {
    RequestStatus status = statusQuery.byReference(reference).orElseThrow(() -> new UnknownCaseException(reference));
    // officers may read every FOI task, so the waiting task is looked up with the caller's own rights
    Task waiting = taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKeyIn(waitingTasks.toArray(String[]::new)).singleResult();
    if (waiting == null) {
      throw new CaseConflictException(notWaiting + " (stage: " + String.join(", ", status.stage()) + ")");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    onBehalfOfUser.act(() -> {
      try {
        taskService.complete(waiting.getId(), answer);
      } catch (RuntimeException refused) {
        // the rules' refusal may reach us wrapped by the engine's listener invocation
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
          if (cause instanceof CaseDataInvalidException invalid) {
            throw new InvalidRequestException(named(invalid.problems(), apiNames));
          }
        }
        throw refused;
      }
    });
    return statusQuery.byReference(reference).orElseThrow();
  }

  /** The rules name the case's variables; the API's caller knows its own field names. */
  private static Map<String, String> named(Map<String, String> problems, Map<CaseVariable, String> apiNames) {
    Map<String, String> named = new LinkedHashMap<>();
    problems.forEach((key, problem) -> named.put(apiNames.entrySet().stream()
        .filter(entry -> entry.getKey().key().equals(key)).map(Map.Entry::getValue).findFirst().orElse(key), problem));
    return named;
  }
}
