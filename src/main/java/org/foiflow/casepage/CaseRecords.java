package org.foiflow.casepage;

import static org.foiflow.casefile.CaseVariable.CHANNEL;
import static org.foiflow.casefile.CaseVariable.CLARIFICATION_RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.CLARIFICATION_REQUESTED_ON;
import static org.foiflow.casefile.CaseVariable.CLARIFIED_REQUEST;
import static org.foiflow.casefile.CaseVariable.DEADLINE_STATUS;
import static org.foiflow.casefile.CaseVariable.EXTENDED_DUE_ON;
import static org.foiflow.casefile.CaseVariable.FEES_NOTICE_GIVEN_ON;
import static org.foiflow.casefile.CaseVariable.FEE_PAID_POUNDS;
import static org.foiflow.casefile.CaseVariable.FEE_RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.LANGUAGE;
import static org.foiflow.casefile.CaseVariable.ORIGINAL_REQUEST_TEXT;
import static org.foiflow.casefile.CaseVariable.RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.REGIME;
import static org.foiflow.casefile.CaseVariable.REQUESTER_ADDRESS;
import static org.foiflow.casefile.CaseVariable.REQUESTER_EMAIL;
import static org.foiflow.casefile.CaseVariable.REQUESTER_NAME;
import static org.foiflow.casefile.CaseVariable.REQUEST_TEXT;
import static org.foiflow.casefile.CaseVariable.SUBJECT;
import static org.foiflow.casefile.CaseVariable.WITHDRAWAL_NOTE;
import static org.foiflow.casefile.CaseVariable.WITHDRAWN_ON;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.foiflow.assessment.ExemptionCitation;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.Language;
import org.foiflow.casefile.Regime;
import org.foiflow.correspondence.Correspondence;
import org.foiflow.correspondence.FiledLetter;
import org.foiflow.correspondence.FiledLetters;
import org.foiflow.correspondence.LettersByPost;
import org.foiflow.intake.RequestStatus;
import org.foiflow.intake.RequestStatusQuery;
import org.springframework.stereotype.Component;

/**
 * Reads one case for the case page, open or closed: its variables, status and timeline from the engine's history
 * (which holds both; Cockpit's community edition lists running instances only), its open tasks from the runtime.
 * Every query runs as the signed-in user, so Camunda's authorizations decide what is found, as they do for the API.
 */
@Component
public class CaseRecords {

  private static final Map<String, String> CLOCKS = Map.of("RUNNING", "Running", "PAUSED", "Paused",
      "STOPPED", "Stopped");
  private static final Map<String, String> DEADLINE_STATUSES = Map.of("ON_TRACK", "On track", "AT_RISK", "At risk",
      "OVERDUE", "Overdue", "PAUSED", "Paused");
  private static final Map<String, String> EXTENSIONS = Map.of(
      "PUBLIC_INTEREST", "Public interest test (s.10(3) FOIA)", "EIR_COMPLEX", "Complex and voluminous (reg 7 EIR)");

  private final HistoryService historyService;
  private final TaskService taskService;
  private final RequestStatusQuery statusQuery;
  private final CaseTimeline timeline;
  private final FiledLetters filedLetters;
  private final String tasklist;

  public CaseRecords(ProcessEngine engine, RequestStatusQuery statusQuery, CaseTimeline timeline,
                     FiledLetters filedLetters) {
    this.historyService = engine.getHistoryService();
    this.taskService = engine.getTaskService();
    this.statusQuery = statusQuery;
    this.timeline = timeline;
    this.filedLetters = filedLetters;
    this.tasklist = "/camunda/app/tasklist/" + engine.getName() + "/#/?task=";
  }

  /** The case, or empty when there is none by that reference or the user may not read it. */
  public Optional<CaseRecord> byReference(String reference) {
    return statusQuery.byReference(reference).map(status -> {
      HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(status.processInstanceId()).singleResult();
      CaseFile file = CaseFile.recorded(caseLevelValues(instance.getId()));
      CaseDecisions decisions = new CaseDecisions(file);
      String original = file.text(ORIGINAL_REQUEST_TEXT);
      return new CaseRecord(status.reference(), instance.getId(), file.text(SUBJECT), instance.getEndTime() != null,
          new Fact.Facts()
              .add("Reference", status.reference())
              .add("Received", UkTimes.day(file.text(RECEIVED_ON)))
              .add("Received by", decisions.label(CaseDecisions.CHANNELS, CHANNEL))
              .add("Regime", Regime.of(file.text(REGIME)).title())
              .add("Language", Language.of(file.text(LANGUAGE)) == Language.CY ? "Welsh (Cymraeg)" : "English")
              .add("Subject", file.text(SUBJECT))
              .list(),
          // the clarified request replaces requestText; the request as first worded is kept apart
          original != null ? original : file.text(REQUEST_TEXT), file.text(CLARIFIED_REQUEST),
          new Fact.Facts()
              .add("Name", file.text(REQUESTER_NAME))
              .add("Email", file.text(REQUESTER_EMAIL))
              .add("Postal address", file.text(REQUESTER_ADDRESS))
              .list(),
          status(status, file), openTasks(instance, status.reference()),
          decisions.triage(), decisions.located(), decisions.assessment(), decisions.exemptions(),
          decisions.qualifiedPersonsOpinion(), decisions.approval(), decisions.outcome(),
          timeline.of(instance),
          filedLetters.index(instance.getId(), "/api/requests/" + status.reference() + "/letters").stream()
              .map(CaseRecords::letter).toList());
    });
  }

  private static List<Fact> status(RequestStatus status, CaseFile file) {
    Map<String, String> extension = status.extension() == null ? Map.of() : status.extension();
    return new Fact.Facts()
        .add("Stage", String.join(", ", status.stage()))
        .add("Clock", CaseDecisions.label(CLOCKS, status.clock())
            + (status.clockPausedReason() == null ? "" : ": " + status.clockPausedReason()))
        .add("Deadline", CaseDecisions.label(DEADLINE_STATUSES, file.text(DEADLINE_STATUS)))
        .add("Due", UkTimes.day(status.dueOn()))
        .add("Working days left", status.workingDaysRemaining() == null ? null
            : String.valueOf(status.workingDaysRemaining()))
        .add("Clarification asked for", UkTimes.day(file.text(CLARIFICATION_REQUESTED_ON)))
        .add("Clarification received", UkTimes.day(file.text(CLARIFICATION_RECEIVED_ON)))
        .add("Fees notice given", UkTimes.day(file.text(FEES_NOTICE_GIVEN_ON)))
        .add("Fee received", UkTimes.day(file.text(FEE_RECEIVED_ON)))
        .add("Fee paid", file.value(FEE_PAID_POUNDS) == null ? null
            : "£" + new java.math.BigDecimal(file.text(FEE_PAID_POUNDS)).setScale(2, java.math.RoundingMode.HALF_UP))
        .add("Withdrawn by the requester", UkTimes.day(file.text(WITHDRAWN_ON)))
        .add("About the withdrawal", file.text(WITHDRAWAL_NOTE))
        .add("Extension", CaseDecisions.label(EXTENSIONS, extension.get("kind")))
        .add("Why extended", extension.get("reason"))
        .add("Extended for", extension.get("exemption") == null ? null
            : ExemptionCitation.of(extension.get("exemption")))
        .add("Due before the extension", UkTimes.day(extension.get("originalDueOn")))
        .add("Extended to", UkTimes.day(file.text(EXTENDED_DUE_ON)))
        .add("Beyond the ICO's guidance (20 further working days)",
            "true".equals(extension.get("exceedsGuidance")) ? "Yes" : null)
        .list();
  }

  private static CaseRecord.Letter letter(FiledLetter filed) {
    String type = filed.type() == null ? filed.id() : filed.type().replace('_', ' ').replace('-', ' ').toLowerCase(Locale.UK);
    String sent = filed.sentOn() == null ? "Not sent"
        : UkTimes.day(filed.sentOn()) + (filed.channel() == null ? "" : ", by " + filed.channel().toLowerCase(Locale.UK));
    if (Correspondence.POST.equals(filed.channel())) {
      sent = filed.postedOn() != null ? "Posted on " + UkTimes.day(filed.postedOn()) : "Waiting to be printed and posted";
    }
    Date drafted = filed.draftedAt() == null ? null : Date.from(Instant.parse(filed.draftedAt()));
    return new CaseRecord.Letter(filed.id(), Character.toUpperCase(type.charAt(0)) + type.substring(1),
        UkTimes.time(drafted), sent, filed.html(), filed.pdf());
  }

  /**
   * The case's own open tasks, and its letters waiting to be printed and posted (process letter-by-post, by the
   * case's reference), which keep a closed case from having nothing to do.
   */
  private List<CaseRecord.OpenTask> openTasks(HistoricProcessInstance instance, String reference) {
    List<Task> open = new ArrayList<>();
    if (instance.getEndTime() == null) {
      open.addAll(taskService.createTaskQuery().processInstanceId(instance.getId()).orderByTaskCreateTime().asc().list());
    }
    open.addAll(taskService.createTaskQuery().processDefinitionKey(LettersByPost.PROCESS_KEY)
        .processInstanceBusinessKey(reference).orderByTaskCreateTime().asc().list());
    return open.stream()
        .map(task -> new CaseRecord.OpenTask(task.getName(), task.getAssignee(),
            UkTimes.day(task.getDueDate()),
            tasklist + task.getId()))
        .toList();
  }

  /** The case's own values, not the copies a task or a multi-instance element keeps in its scope. */
  private Map<String, Object> caseLevelValues(String processInstanceId) {
    Map<String, Object> values = new HashMap<>();
    historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .disableBinaryFetching().list().stream()
        .filter(variable -> variable.getActivityInstanceId() == null
            || variable.getActivityInstanceId().equals(processInstanceId))
        .filter(variable -> variable.getValue() != null)
        .forEach(variable -> values.put(variable.getName(), variable.getValue()));
    return values;
  }
}
