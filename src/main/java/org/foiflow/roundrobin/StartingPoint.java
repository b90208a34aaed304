package org.foiflow.roundrobin;

import static org.foiflow.casefile.CaseVariable.ASSESSMENT_NOTES;
import static org.foiflow.casefile.CaseVariable.DISCLOSURE_SCOPE;
import static org.foiflow.casefile.CaseVariable.EXEMPTIONS;
import static org.foiflow.casefile.CaseVariable.EXEMPTION_SUBSECTIONS;
import static org.foiflow.casefile.CaseVariable.WITHHELD_DESCRIPTION;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.ProcessVariable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first decision of a round robin as the starting point of the others: the decided member's exemption
 * assessment (scope, exemptions and subsections, what is withheld, the reasons) is copied into each other open
 * member that has not been assessed yet, so its own "Assess exemptions" form opens pre-filled. Nothing is
 * completed for it: every request is still assessed, approved and answered on its own.
 */
@Component
public class StartingPoint {

  /** The activity whose completion is a decision. */
  static final String ASSESSMENT_TASK = "AssessExemptions";
  /** What the "Assess exemptions" form decides. */
  static final List<ProcessVariable> DECISION = List.of(DISCLOSURE_SCOPE, EXEMPTIONS, EXEMPTION_SUBSECTIONS,
      WITHHELD_DESCRIPTION, ASSESSMENT_NOTES);

  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final RoundRobinOfficer officer;

  public StartingPoint(HistoryService historyService, RuntimeService runtimeService, TaskService taskService,
                       RoundRobinOfficer officer) {
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.officer = officer;
  }

  /** Whether the member's exemptions have been assessed (so it can be the starting point). */
  public boolean decided(RoundRobins.Member member) {
    long[] done = new long[1];
    officer.asTheSystem(() -> done[0] = historyService.createHistoricTaskInstanceQuery()
        .processInstanceId(member.processInstanceId()).taskDefinitionKey(ASSESSMENT_TASK).finished().count());
    return done[0] > 0;
  }

  /** Applies {@code from}'s decision to the other open, undecided members; the references it was applied to. */
  @Transactional
  public List<String> apply(RoundRobins.RoundRobin set, String from) {
    if (from == null || from.isBlank()) {
      throw new InvalidRequestException(Map.of("from", "name the decided request of this round robin to start from"));
    }
    RoundRobins.Member decided = set.members().stream().filter(member -> member.reference().equals(from.strip()))
        .findFirst().orElseThrow(() -> new InvalidRequestException(Map.of("from",
            from.strip() + " is not one of the requests of this round robin")));
    if (!decided(decided)) {
      throw new InvalidRequestException(Map.of("from", decided.reference()
          + " has no decision yet: its exemptions have not been assessed"));
    }
    List<String> applied = new ArrayList<>();
    officer.asTheSystem(() -> {
      VariableMap decision = decisionOf(decided.processInstanceId());
      for (RoundRobins.Member member : set.members()) {
        if (member == decided || !member.open() || !Objects.equals(member.regime(), decided.regime())
            || decided(member) || runtimeService.createProcessInstanceQuery()
            .processInstanceId(member.processInstanceId()).active().count() == 0) {
          continue; // decided already, closed, or of the other regime (whose exemptions are not these)
        }
        runtimeService.setVariables(member.processInstanceId(), decision);
        taskService.createComment(null, member.processInstanceId(), "Starting point: the decision on "
            + decided.reference() + " (its exemption assessment is pre-filled; this request is still decided and"
            + " approved on its own)");
        applied.add(member.reference());
      }
    });
    return applied;
  }

  private VariableMap decisionOf(String processInstanceId) {
    VariableMap decision = Variables.createVariables();
    for (ProcessVariable variable : DECISION) {
      historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
          .variableName(variable.key()).list().stream()
          .filter(value -> value.getActivityInstanceId() == null
              || value.getActivityInstanceId().equals(processInstanceId))
          .map(HistoricVariableInstance::getTypedValue).filter(Objects::nonNull).findFirst()
          .ifPresent(value -> decision.putValueTyped(variable.key(), value));
    }
    return decision;
  }
}
