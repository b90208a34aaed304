package org.foiflow.contributionpage;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.foiflow.process.FoiCase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Business units and their contributions as the tests of what people see need them: a unit (its row and its Camunda
 * group with one member) and a unit asked on a case, its foi_contribution row and its open "Provide information"
 * task, as org.foiflow.contributions' OpenContribution leaves them.
 */
final class UnitContributions {

  static final String PASSWORD = "unit-member-password";

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;

  UnitContributions(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  /** The unit (once per context) with the user as a member. */
  void unit(String groupId, String name, String member) {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM foi_business_unit WHERE group_id = ?", Long.class, groupId) == 0) {
      jdbc.update("INSERT INTO foi_business_unit (group_id, name, manager_user_id, deadline_working_days, created_at)"
          + " VALUES (?, ?, NULL, 10, ?)", groupId, name, Timestamp.from(Instant.now()));
    }
    IdentityService identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(name);
      group.setType("BUSINESS_UNIT");
      identity.saveGroup(group);
    }
    if (identity.createUserQuery().userId(member).count() == 0) {
      User user = identity.newUser(member);
      user.setPassword(PASSWORD);
      user.setEmail(member + "@foiflow.example");
      identity.saveUser(user);
      identity.createMembership(member, groupId);
    }
  }

  /** Asks the unit on the case (at Locate): the row and the unit's open task; answers the contribution's id. */
  String asked(FoiCase foi, String groupId, LocalDate dueOn) {
    String id = UUID.randomUUID().toString();
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    jdbc.update("INSERT INTO foi_contribution (id, reference, process_instance_id, unit_group_id, asked_by, asked_on,"
            + " due_on) VALUES (?, ?, ?, ?, ?, ?, ?)", id, foi.reference(), foi.instance().getId(), groupId,
        FoiCase.OFFICER, java.sql.Date.valueOf(today), java.sql.Date.valueOf(dueOn));
    Date due = Date.from(dueOn.atTime(17, 0).atZone(ZoneId.of("Europe/London")).toInstant());
    Date later = Date.from(dueOn.plusYears(1).atStartOfDay(ZoneId.of("Europe/London")).toInstant());
    engine.getRuntimeService().createProcessInstanceModification(foi.instance().getId())
        .startBeforeActivity("ProvideInformation")
        .setVariable("businessUnit", groupId)
        .setVariable("contributionId", id)
        .setVariable("contributionDueOn", dueOn.toString())
        .setVariable("contributionDueDate", due)
        .setVariable("contributionFollowUpDate", due)
        // the timers are the contributions package's to test: far off here
        .setVariable("contributionReminderAt", later)
        .setVariable("contributionOverdueAt", later)
        .execute();
    return id;
  }

  /** The unit's task ends (as when it answers), leaving the row as the answer writes it. */
  void answered(FoiCase foi, String contributionId, String whatHeld) {
    engine.getRuntimeService().createProcessInstanceModification(foi.instance().getId())
        .cancelAllForActivity("ProvideInformation").execute();
    jdbc.update("UPDATE foi_contribution SET answered_at = ?, answered_by = ?, answer = 'PROVIDED', what_held = ?,"
        + " hours_spent = 2.5, recommended_exemptions = 's40-2' WHERE id = ?", Timestamp.from(Instant.now()), "rory",
        whatHeld, contributionId);
  }
}
