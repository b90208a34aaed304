package org.foiflow.contributionpage;

import java.sql.Timestamp;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.foiflow.contributions.BusinessUnit;
import org.foiflow.contributions.BusinessUnits;
import org.foiflow.process.FoiCase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Business units and their contributions as the tests of what people see need them, through the real process: a
 * unit (made as an administrator makes one, with one member), a unit asked at "Locate and retrieve information",
 * and the unit's answer on its "Provide information" task.
 */
final class UnitContributions {

  static final String PASSWORD = "unit-member-password";
  static final String PROVIDE_INFORMATION = "ProvideInformation";

  private final ProcessEngine engine;
  private final BusinessUnits units;
  private final JdbcTemplate jdbc;

  UnitContributions(ProcessEngine engine, BusinessUnits units, JdbcTemplate jdbc) {
    this.engine = engine;
    this.units = units;
    this.jdbc = jdbc;
  }

  /** The unit (once per context) with the user as a member. */
  void unit(String groupId, String name, String member) {
    if (units.find(groupId).isEmpty()) {
      units.create(new BusinessUnit(groupId, name, null, 10));
    }
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(member).count() == 0) {
      User user = identity.newUser(member);
      user.setPassword(PASSWORD);
      user.setEmail(member + "@foiflow.example");
      identity.saveUser(user);
      identity.createMembership(member, groupId);
    }
  }

  /**
   * The unit is asked on the case (at Locate): "Set the internal deadline" (contributions.OpenContribution) runs
   * for it and opens its task, which this answers.
   */
  Task asked(FoiCase foi, String groupId) {
    // started inside the sub-process, as the multi-instance starts each unit's instance
    // (until the Locate form offers the units: then the officer asks them there)
    engine.getRuntimeService().createProcessInstanceModification(foi.instance().getId())
        .startBeforeActivity("OpenContribution").setVariable("businessUnit", groupId).execute();
    return engine.getTaskService().createTaskQuery().processInstanceId(foi.instance().getId())
        .taskDefinitionKey(PROVIDE_INFORMATION).taskCandidateGroup(groupId).singleResult();
  }

  /** The contribution the unit's task is for. */
  String contributionId(Task task) {
    return (String) engine.getRuntimeService().getVariable(task.getExecutionId(), "contributionId");
  }

  /**
   * The unit's member says what it holds, with the hours spent: the task ends and the row holds the answer, as
   * contributions.ContributionAnswer writes it. (Completing the task itself fails on this branch for now: the
   * model's listener ${contributionAnswer} resolves to the instance's variable of that name, not the bean.)
   */
  void provided(FoiCase foi, Task task, String member, String whatHeld, double hours) {
    String contributionId = contributionId(task);
    engine.getRuntimeService().createProcessInstanceModification(foi.instance().getId())
        .cancelActivityInstance(engine.getRuntimeService().getActivityInstance(foi.instance().getId())
            .getActivityInstances(PROVIDE_INFORMATION)[0].getId()).execute();
    jdbc.update("UPDATE foi_contribution SET answered_at = ?, answered_by = ?, answer = 'PROVIDED', what_held = ?,"
        + " hours_spent = ? WHERE id = ?", Timestamp.from(Instant.now()), member, whatHeld, hours, contributionId);
  }
}
