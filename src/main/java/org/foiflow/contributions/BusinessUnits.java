package org.foiflow.contributions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.foiflow.casefile.CaseConflictException;
import org.foiflow.casefile.FoiRequest;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.security.FoiAuthorizations;
import org.foiflow.security.FoiGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business units (foi_business_unit), each also a Camunda group of type BUSINESS_UNIT whose members work the
 * unit's "Provide information" tasks: from configuration (foiflow.business-units, brought up to date at every start)
 * and from administrators (/api/business-units). Creating a unit gives its group Tasklist and a filter of its own
 * tasks; the right to read and work each task comes with the task (security.GroupTaskWork), so members see
 * nothing else of a case.
 */
@Component
public class BusinessUnits {

  /** Group ids: bu- then lower-case letters, digits and hyphens. */
  static final Pattern GROUP_ID = Pattern.compile("bu-[a-z0-9][a-z0-9-]{0,60}");
  static final int MAX_DEADLINE_WORKING_DAYS = 20;
  static final String FILTER_PREFIX = "Provide information: ";

  private static final Logger log = LoggerFactory.getLogger(BusinessUnits.class);

  private final JdbcTemplate jdbc;
  private final IdentityService identity;
  private final FilterService filters;
  private final TaskService tasks;
  private final FoiAuthorizations authorizations;
  private final BusinessUnitSettings settings;
  /** A demo start marks the units it creates, so that a real start on the same database removes them. */
  private final boolean demoStart;

  public BusinessUnits(JdbcTemplate jdbc, IdentityService identity, FilterService filters, TaskService tasks,
                       FoiAuthorizations authorizations, BusinessUnitSettings settings, Environment environment) {
    this.demoStart = environment.acceptsProfiles(Profiles.of("demo"));
    this.jdbc = jdbc;
    this.identity = identity;
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
    this.settings = settings;
  }

  public List<BusinessUnit> all() {
    return jdbc.query("SELECT group_id, name, manager_user_id, deadline_working_days FROM foi_business_unit"
        + " ORDER BY name", (row, n) -> new BusinessUnit(row.getString(1), row.getString(2), row.getString(3),
        row.getInt(4)));
  }

  public Optional<BusinessUnit> find(String groupId) {
    return groupId == null ? Optional.empty() : jdbc.query("SELECT group_id, name, manager_user_id,"
        + " deadline_working_days FROM foi_business_unit WHERE group_id = ?", (row, n) -> new BusinessUnit(
        row.getString(1), row.getString(2), row.getString(3), row.getInt(4)), groupId).stream().findFirst();
  }

  /**
   * The configured units, before anything else that starts with the application (the demo users join their
   * groups). A configured manager is not checked here: the user may be created after (the demo's are).
   */
  @EventListener
  @Order(-10)
  @Transactional
  public void configure(ApplicationStartedEvent started) {
    if (!demoStart) {
      removeDemoUnits();
    }
    for (BusinessUnitSettings.Configured configured : settings.businessUnits()) {
      BusinessUnit unit = configured.unit();
      Map<String, String> problems = problems(unit, false);
      if (!problems.isEmpty()) {
        throw new IllegalStateException("foiflow.business-units: " + unit.groupId() + " " + problems);
      }
      if (find(unit.groupId()).isPresent()) {
        save(unit);
      } else {
        insert(unit);
      }
    }
  }

  /** A new unit, from an administrator: 400 naming each bad field, 409 if the group is a unit already. */
  @Transactional
  public BusinessUnit create(BusinessUnit unit) {
    refuseIfInvalid(unit);
    if (find(unit.groupId()).isPresent()) {
      throw new CaseConflictException("The business unit " + unit.groupId() + " exists already: change it with PUT.");
    }
    if (identity.createGroupQuery().groupId(unit.groupId()).count() > 0
        && !FoiGroups.BUSINESS_UNIT_TYPE.equals(identity.createGroupQuery().groupId(unit.groupId()).singleResult()
        .getType())) {
      throw new CaseConflictException("The group " + unit.groupId() + " exists and is not a business unit.");
    }
    insert(unit);
    return unit;
  }

  /** An administrator's change of a unit's name, manager or deadline; empty if there is no such unit. */
  @Transactional
  public Optional<BusinessUnit> update(BusinessUnit unit) {
    if (find(unit.groupId()).isEmpty()) {
      return Optional.empty();
    }
    refuseIfInvalid(unit);
    save(unit);
    return Optional.of(unit);
  }

  private void refuseIfInvalid(BusinessUnit unit) {
    Map<String, String> problems = problems(unit, true);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  private Map<String, String> problems(BusinessUnit unit, boolean managerMustExist) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (unit.groupId() == null || !GROUP_ID.matcher(unit.groupId()).matches()) {
      problems.put("group", "must start bu- followed by lower-case letters, digits and hyphens (at most 64"
          + " characters), for example bu-highways");
    }
    if (unit.name() == null || unit.name().isBlank()) {
      problems.put("name", "is required");
    } else if (unit.name().length() > 200) {
      problems.put("name", "is longer than 200 characters");
    }
    if (unit.deadlineWorkingDays() < 1 || unit.deadlineWorkingDays() > MAX_DEADLINE_WORKING_DAYS) {
      problems.put("deadlineWorkingDays", "must be between 1 and " + MAX_DEADLINE_WORKING_DAYS
          + " working days (the statutory limit is 20)");
    }
    if (managerMustExist && unit.managerUserId() != null
        && identity.createUserQuery().userId(unit.managerUserId()).count() == 0) {
      problems.put("manager", "no user has the id '" + unit.managerUserId() + "'");
    }
    return problems;
  }

  /**
   * What a demo start created (the demo profile's units, and any an administrator added while trying the demo):
   * the unit, its group with its memberships and grants, and its Tasklist filter. Its contributions stay, as the
   * cases they belong to do.
   */
  private void removeDemoUnits() {
    List<BusinessUnit> demoUnits = jdbc.query("SELECT group_id, name, manager_user_id, deadline_working_days"
        + " FROM foi_business_unit WHERE demo = TRUE", (row, n) -> new BusinessUnit(row.getString(1),
        row.getString(2), row.getString(3), row.getInt(4)));
    for (BusinessUnit unit : demoUnits) {
      for (Filter filter : filters.createFilterQuery().filterName(FILTER_PREFIX + unit.name()).list()) {
        filters.deleteFilter(filter.getId());
      }
      if (identity.createGroupQuery().groupId(unit.groupId()).count() > 0) {
        identity.deleteGroup(unit.groupId());
      }
      authorizations.revokeAll(unit.groupId());
      jdbc.update("DELETE FROM foi_business_unit WHERE group_id = ?", unit.groupId());
    }
    if (!demoUnits.isEmpty()) {
      log.warn("Removed the business units {} that a start with the demo profile created",
          demoUnits.stream().map(BusinessUnit::groupId).toList());
    }
  }

  private void insert(BusinessUnit unit) {
    jdbc.update("INSERT INTO foi_business_unit (group_id, name, manager_user_id, deadline_working_days, created_at,"
        + " demo) VALUES (?, ?, ?, ?, ?, ?)", unit.groupId(), unit.name().strip(), unit.managerUserId(),
        unit.deadlineWorkingDays(), Timestamp.from(Instant.now()), demoStart);
    equip(unit, null);
    log.info("Business unit {} ({}) created", unit.groupId(), unit.name());
  }

  private void save(BusinessUnit unit) {
    String oldName = find(unit.groupId()).map(BusinessUnit::name).orElse(null);
    jdbc.update("UPDATE foi_business_unit SET name = ?, manager_user_id = ?, deadline_working_days = ?,"
        + " version = version + 1 WHERE group_id = ?", unit.name().strip(), unit.managerUserId(),
        unit.deadlineWorkingDays(), unit.groupId());
    equip(unit, oldName);
  }

  /** The unit's group, its Tasklist, and its filter (renamed with the unit). */
  private void equip(BusinessUnit unit, String oldName) {
    Group group = identity.createGroupQuery().groupId(unit.groupId()).singleResult();
    if (group == null) {
      group = identity.newGroup(unit.groupId());
    }
    group.setName(unit.name().strip());
    group.setType(FoiGroups.BUSINESS_UNIT_TYPE);
    identity.saveGroup(group);
    authorizations.grant(unit.groupId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // the model itself (its name in Tasklist), not its instances or tasks
    authorizations.grant(unit.groupId(), Resources.PROCESS_DEFINITION, FoiRequest.PROCESS_KEY,
        ProcessDefinitionPermissions.READ);
    Filter filter = oldName == null ? null
        : filters.createFilterQuery().filterName(FILTER_PREFIX + oldName).singleResult();
    if (filter == null) {
      filter = filters.createFilterQuery().filterName(FILTER_PREFIX + unit.name().strip()).singleResult();
    }
    if (filter == null) {
      filter = filters.newTaskFilter(FILTER_PREFIX + unit.name().strip());
    }
    TaskQuery query = tasks.createTaskQuery().taskCandidateGroup(unit.groupId()).includeAssignedTasks();
    query.orderByDueDate().asc();
    filter.setName(FILTER_PREFIX + unit.name().strip());
    filters.saveFilter(filter.setQuery(query).setProperties(Map.of("priority", -8, "color", "#2a6f97",
        "description", "Requests for information " + unit.name().strip() + " holds: what is held, the documents,"
            + " hours spent; or hand it back", "refresh", true)));
    authorizations.grant(unit.groupId(), Resources.FILTER, filter.getId(), Permissions.READ);
  }
}
