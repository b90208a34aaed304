package org.foiflow.intake;

import static org.foiflow.casefile.CaseVariable.CLOCK;
import static org.foiflow.casefile.CaseVariable.CLOCK_PAUSED_REASON;
import static org.foiflow.casefile.CaseVariable.CLOSED_ON;
import static org.foiflow.casefile.CaseVariable.DUE_ON;
import static org.foiflow.casefile.CaseVariable.EXTENSION_EXCEEDS_GUIDANCE;
import static org.foiflow.casefile.CaseVariable.EXTENSION_EXEMPTION;
import static org.foiflow.casefile.CaseVariable.EXTENSION_KIND;
import static org.foiflow.casefile.CaseVariable.EXTENSION_REASON;
import static org.foiflow.casefile.CaseVariable.ORIGINAL_DUE_ON;
import static org.foiflow.casefile.CaseVariable.OUTCOME;
import static org.foiflow.casefile.CaseVariable.RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.REFERENCE;
import static org.foiflow.casefile.CaseVariable.REGIME;
import static org.foiflow.casefile.CaseVariable.RESPONDED_ON;
import static org.foiflow.casefile.CaseVariable.SUBJECT;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.foiflow.casefile.FoiRequest;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.StatutoryClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a case from the engine's history, which holds open and closed cases alike (and respects the
 * caller's Camunda authorizations: a case the user may not read is reported as unknown).
 */
@Component
public class RequestStatusQuery {

  private static final Set<String> SHOWN_AS_STAGE = Set.of("userTask", "eventBasedGateway", "serviceTask",
      "businessRuleTask");
  /** The deadline watch runs beside the case's work; its steps are not the case's stage. */
  private static final Set<String> DEADLINE_WATCH = Set.of("NextDeadlineMilestone", "CheckStatutoryClock",
      "DeadlineAtRisk", "DeadlineBreached");
  private static final String[] FIELDS = {REFERENCE.key(), RECEIVED_ON.key(), DUE_ON.key(), CLOCK.key(), CLOCK_PAUSED_REASON.key(),
      REGIME.key(), SUBJECT.key(), OUTCOME.key(), RESPONDED_ON.key(), CLOSED_ON.key(), EXTENSION_KIND.key(), EXTENSION_REASON.key(), ORIGINAL_DUE_ON.key(),
      EXTENSION_EXCEEDS_GUIDANCE.key(), EXTENSION_EXEMPTION.key()};

  private final HistoryService historyService;
  private final StatutoryClock statutoryClock;
  private final CaseClock caseClock;
  private final JdbcTemplate jdbc;

  public RequestStatusQuery(HistoryService historyService, StatutoryClock statutoryClock, CaseClock caseClock,
                            JdbcTemplate jdbc) {
    this.historyService = historyService;
    this.statutoryClock = statutoryClock;
    this.caseClock = caseClock;
    this.jdbc = jdbc;
  }

  /**
   * The case's letters that go by post (foi_letter_post, written by correspondence.LettersByPost), oldest first:
   * "Response letter: Posted on 3 December 2026", or "...: Waiting to be printed and posted".
   */
  private List<String> post(String reference) {
    if (reference == null) {
      return List.of();
    }
    return jdbc.query("SELECT letter_name, posted_on FROM foi_letter_post WHERE reference = ? ORDER BY needed_at, letter_id",
        (row, number) -> {
          String name = row.getString("letter_name");
          java.sql.Date posted = row.getDate("posted_on");
          return Character.toUpperCase(name.charAt(0)) + name.substring(1) + ": " + (posted == null
              ? "Waiting to be printed and posted" : "Posted on " + UK_DAY.format(posted.toLocalDate()));
        }, reference);
  }

  private static final java.time.format.DateTimeFormatter UK_DAY =
      java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

  private static Map<String, String> extension(Map<String, String> values) {
    Map<String, String> extension = new java.util.LinkedHashMap<>();
    for (String[] field : new String[][] {{EXTENSION_KIND.key(), "kind"}, {EXTENSION_REASON.key(), "reason"},
        {EXTENSION_EXEMPTION.key(), "exemption"}, {ORIGINAL_DUE_ON.key(), "originalDueOn"},
        {EXTENSION_EXCEEDS_GUIDANCE.key(), "exceedsGuidance"}}) {
      if (values.get(field[0]) != null) {
        extension.put(field[1], values.get(field[0]));
      }
    }
    return extension;
  }

  public Optional<RequestStatus> byReference(String reference) {
    List<HistoricProcessInstance> found = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(FoiRequest.PROCESS_KEY)
        .processInstanceBusinessKey(reference)
        .list();
    return found.stream().findFirst().map(instance -> byProcessInstance(instance.getId()));
  }

  public RequestStatus byProcessInstance(String processInstanceId) {
    Map<String, String> values = new HashMap<>();
    historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .variableNameIn(FIELDS)
        .list().stream()
        // case-level values only: per-task copies live in child scopes
        .filter(variable -> variable.getActivityInstanceId() == null
            || variable.getActivityInstanceId().equals(processInstanceId))
        .filter(variable -> variable.getValue() != null)
        .forEach(variable -> values.put(variable.getName(), String.valueOf(variable.getValue())));

    List<String> stage = historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .unfinished()
        .orderByHistoricActivityInstanceStartTime().asc()
        .list().stream()
        .filter(activity -> activity.getActivityName() != null && SHOWN_AS_STAGE.contains(activity.getActivityType()))
        .filter(activity -> !DEADLINE_WATCH.contains(activity.getActivityId()))
        .map(HistoricActivityInstance::getActivityName)
        .distinct()
        .toList();

    String clock = values.get(CLOCK.key());
    // the outcome is decided before approval but is the case's outcome only once it is closed
    boolean closed = values.get(CLOSED_ON.key()) != null;
    Integer remaining = null;
    if (values.get(DUE_ON.key()) != null && !CaseClock.STOPPED.equals(clock)) {
      remaining = statutoryClock.workingDaysRemaining(LocalDate.parse(values.get(DUE_ON.key())), caseClock.today());
    }
    return new RequestStatus(values.get(REFERENCE.key()), processInstanceId, stage, values.get(RECEIVED_ON.key()),
        values.get(DUE_ON.key()), remaining, clock, values.get(CLOCK_PAUSED_REASON.key()), values.get(REGIME.key()),
        values.get(SUBJECT.key()), closed ? values.get(OUTCOME.key()) : null, values.get(RESPONDED_ON.key()), extension(values),
        post(values.get(REFERENCE.key())));
  }
}
