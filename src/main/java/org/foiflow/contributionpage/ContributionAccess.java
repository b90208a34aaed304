package org.foiflow.contributionpage;

import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_ID;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.foiflow.security.FoiGroups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may open a contribution page: a member of the unit asked while its "Provide information" task for this
 * contribution is open, and FOI officers and managers at any time. Anyone else is told there is no such page (404),
 * so contribution ids cannot be probed. Checked here, in Java, for the page and its upload alike.
 */
@Component
public class ContributionAccess {

  /** The task a unit works for its contribution (bpmn/foi-request.bpmn). */
  static final String PROVIDE_INFORMATION = "ProvideInformation";
  static final List<String> FOI_TEAM = List.of(FoiGroups.OFFICERS, FoiGroups.MANAGERS);

  /** A contribution the user may open, with the unit's open task (null once answered, for the FOI team). */
  public record Opened(AskedContributions.Contribution contribution, String taskId, boolean unitMember) {
  }

  private final AskedContributions records;
  private final ProcessEngine engine;

  public ContributionAccess(AskedContributions records, ProcessEngine engine) {
    this.records = records;
    this.engine = engine;
  }

  public Optional<Opened> open(String contributionId, Authentication signedIn) {
    if (signedIn == null || contributionId == null || contributionId.length() > 36) {
      return Optional.empty();
    }
    List<String> groups = signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    return records.find(contributionId).flatMap(contribution -> {
      String task = openTask(contribution);
      if (task != null && groups.contains(contribution.unitGroupId())) {
        return Optional.of(new Opened(contribution, task, true));
      }
      if (groups.stream().anyMatch(FOI_TEAM::contains)) {
        return Optional.of(new Opened(contribution, task, false));
      }
      return Optional.empty();
    });
  }

  /**
   * The unit's open "Provide information" task for this very contribution, or null; found as the signed-in user,
   * who sees it only if the engine lets them read it (a unit's members hold a grant on their own unit's task).
   */
  private String openTask(AskedContributions.Contribution contribution) {
    if (contribution.answer() != null) {
      return null;
    }
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(contribution.processInstanceId())
        .taskDefinitionKey(PROVIDE_INFORMATION).taskCandidateGroup(contribution.unitGroupId()).list()) {
      // contributionId is local to the unit's instance of the sub-process, above the task
      if (contribution.id().equals(engine.getTaskService().getVariable(task.getId(), CONTRIBUTION_ID.key()))) {
        return task.getId();
      }
    }
    return null;
  }
}
