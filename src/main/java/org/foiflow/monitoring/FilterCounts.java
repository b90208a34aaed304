package org.foiflow.monitoring;

import camundajar.impl.com.google.gson.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.springframework.stereotype.Component;

/**
 * Task counts the database answers from indexes, for every task count the engine makes (Tasklist's filter
 * counts through REST, {@code FilterService.count}, {@code TaskQuery.count}). The engine's count joins each task
 * to its candidate links and to every authorization row of the user, then de-duplicates (COUNT DISTINCT): about
 * 5 µs a task, a third of a second for the officers' 90 000 tasks at 100 000 open cases (docs/benchmarks.md,
 * section 2). Here the authorization is decided once per count instead of once per task: when the user may read
 * every task of the query's process definitions (READ_TASK on each, or READ on every task), the count is
 * {@code COUNT(*)} over the tasks of those definitions with an {@code EXISTS} on the candidate links, a plan of
 * index-only scans and no DISTINCT; on PostgreSQL a filter of the user's groups reads the rows kept for each
 * candidate group ({@link CandidateGroupTasks}), one index-only range scan with no join. Any other query or user
 * (other criteria, a tenant, rights on single tasks only) gets the engine's own count, so the answer is always the
 * engine's.
 */
@Component
public class FilterCounts extends AbstractProcessEnginePlugin {

  /**
   * The criteria counted here (keys of the engine's stored-query JSON). Filters of FOI work use only these;
   * any other criterion sends the count to the engine.
   */
  static final Set<String> COUNTED_CRITERIA = Set.of("processDefinitionKey", "processDefinitionKeys",
      "candidateGroups", "candidateGroupsExpression", "includeAssignedTasks", "key", "keys",
      "dueDate", "dueDateExpression", "dueBefore", "dueBeforeExpression", "dueAfter", "dueAfterExpression",
      "followUpBefore", "followUpBeforeExpression", "orderingProperties");

  /** How many counts were answered here since start for each user (the rest went to the engine): tests check it. */
  private static final Map<String, AtomicLong> COUNTED_FROM_INDEXES = new ConcurrentHashMap<>();

  /** Of those, how many were counted from the rows kept for each candidate group ({@link CandidateGroupTasks}). */
  private static final Map<String, AtomicLong> COUNTED_FROM_GROUP_ROWS = new ConcurrentHashMap<>();

  static long countedFromIndexes(String userId) {
    return counted(COUNTED_FROM_INDEXES, userId);
  }

  static long countedFromGroupRows(String userId) {
    return counted(COUNTED_FROM_GROUP_ROWS, userId);
  }

  private static long counted(Map<String, AtomicLong> counts, String userId) {
    AtomicLong counted = counts.get(userId);
    return counted == null ? 0 : counted.get();
  }

  private static void countFor(Map<String, AtomicLong> counts, Authentication user) {
    counts.computeIfAbsent(user == null || user.getUserId() == null ? "" : user.getUserId(), id -> new AtomicLong())
        .incrementAndGet();
  }

  /** Whether the rows kept per candidate group ({@link CandidateGroupTasks}) are in place in this engine's database. */
  private volatile boolean groupRows;

  void readGroupRows() {
    groupRows = true;
  }

  boolean readsGroupRows() {
    return groupRows;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return TaskManager.class;
      }

      @Override
      public Session openSession() {
        return new CountingTaskManager(FilterCounts.this);
      }
    });
  }

  /** The engine's task manager, with counts answered from indexes where that gives the engine's answer. */
  static class CountingTaskManager extends TaskManager {

    private final FilterCounts plugin;

    CountingTaskManager(FilterCounts plugin) {
      this.plugin = plugin;
    }

    @Override
    public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
      Long counted = countFromIndexes(query);
      return counted != null ? counted : super.findTaskCountByQueryCriteria(query);
    }

    /** The count, or null where the engine must count. */
    Long countFromIndexes(TaskQueryImpl query) {
      if (!isCounted(query)) {
        return null;
      }
      String[] processKeys = query.getProcessDefinitionKey() != null
          ? new String[] {query.getProcessDefinitionKey()} : query.getProcessDefinitionKeys();
      if (processKeys == null || processKeys.length == 0) {
        return null;
      }
      Authentication user = getCurrentAuthentication();
      boolean tenantCheck = getTenantManager().isTenantCheckEnabled();
      if (tenantCheck && user.getTenantIds() != null && !user.getTenantIds().isEmpty()) {
        return null;
      }
      if (authorizationChecked(user) && !readsEveryTask(user, processKeys)) {
        return null;
      }
      // the criteria allowed (isCounted) leave only candidate groups (no candidate user or single group)
      List<String> groups = query.getCandidateGroups();
      if (groups != null && groups.isEmpty()) {
        return null;
      }
      boolean byGroupRows = groups != null && plugin.readsGroupRows();
      List<Object> parameters = new ArrayList<>();
      String prefix = getDbSqlSession().getDbSqlSessionFactory().getDatabaseTablePrefix();
      StringBuilder sql = new StringBuilder();
      if (byGroupRows) {
        // a task with two of the user's groups has a row for each
        sql.append(groups.size() == 1 ? "SELECT COUNT(*)" : "SELECT COUNT(DISTINCT RES.TASK_ID_)")
            .append(" FROM foiflow_group_task RES WHERE RES.GROUP_ID_").append(in(groups.size())).append(" AND");
        parameters.addAll(groups);
      } else {
        sql.append("SELECT COUNT(*) FROM ").append(prefix).append("ACT_RU_TASK RES WHERE");
      }
      sql.append(" RES.PROC_DEF_ID_ IN (SELECT D.ID_ FROM ").append(prefix).append("ACT_RE_PROCDEF D WHERE D.KEY_")
          .append(in(processKeys.length)).append(')');
      parameters.addAll(Arrays.asList(processKeys));
      if (query.getKey() != null) {
        sql.append(" AND RES.TASK_DEF_KEY_ = ?");
        parameters.add(query.getKey());
      }
      String[] taskKeys = query.getTaskDefinitionKeys();
      if (taskKeys != null && taskKeys.length > 0) {
        sql.append(" AND RES.TASK_DEF_KEY_").append(in(taskKeys.length));
        parameters.addAll(Arrays.asList(taskKeys));
      }
      dateCriterion(sql, parameters, "RES.DUE_DATE_ = ?", query.getDueDate());
      dateCriterion(sql, parameters, "RES.DUE_DATE_ < ?", query.getDueBefore());
      dateCriterion(sql, parameters, "RES.DUE_DATE_ > ?", query.getDueAfter());
      dateCriterion(sql, parameters, "RES.FOLLOW_UP_DATE_ < ?", query.getFollowUpBefore());
      if (tenantCheck) {
        sql.append(" AND RES.TENANT_ID_ IS NULL");
      }
      if (groups != null && !query.isIncludeAssignedTasks()) {
        sql.append(" AND RES.ASSIGNEE_ IS NULL");
      }
      if (groups != null && !byGroupRows) {
        sql.append(" AND EXISTS (SELECT 1 FROM ").append(prefix).append("ACT_RU_IDENTITYLINK I")
            .append(" WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate' AND I.GROUP_ID_").append(in(groups.size()))
            .append(')');
        parameters.addAll(groups);
      }
      long count = count(sql.toString(), parameters);
      countFor(COUNTED_FROM_INDEXES, user);
      if (byGroupRows) {
        countFor(COUNTED_FROM_GROUP_ROWS, user);
      }
      return count;
    }

    private boolean isCounted(TaskQueryImpl query) {
      if (query.isOrQueryActive() || query.getQueries().size() > 1 || query.isFollowUpNullAccepted()) {
        return false;
      }
      // Tasklist and the REST API extend a filter's query with their own (often empty) criteria: empty lists
      // (no variables, no or-queries) add nothing
      JsonObject criteria = new JsonTaskQueryConverter().toJsonObject(query);
      return criteria.entrySet().stream().allMatch(criterion -> COUNTED_CRITERIA.contains(criterion.getKey())
          || criterion.getValue().isJsonArray() && criterion.getValue().getAsJsonArray().isEmpty());
    }

    private boolean authorizationChecked(Authentication user) {
      return isAuthorizationEnabled() && getCommandContext().isAuthorizationCheckEnabled() && user != null
          && user.getUserId() != null && !getAuthorizationManager().isCamundaAdmin(user);
    }

    /** Whether the user may read every task of these process definitions: then no task needs its own check. */
    private boolean readsEveryTask(Authentication user, String[] processKeys) {
      List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
      if (getAuthorizationManager().isAuthorized(user.getUserId(), groups, Permissions.READ, Resources.TASK, "*")) {
        return true;
      }
      for (String key : processKeys) {
        if (!getAuthorizationManager().isAuthorized(user.getUserId(), groups, ProcessDefinitionPermissions.READ_TASK,
            Resources.PROCESS_DEFINITION, key)) {
          return false;
        }
      }
      return true;
    }

    private static void dateCriterion(StringBuilder sql, List<Object> parameters, String criterion, Date date) {
      if (date != null) {
        sql.append(" AND ").append(criterion);
        parameters.add(new Timestamp(date.getTime()));
      }
    }

    private static String in(int values) {
      return " IN (" + String.join(", ", java.util.Collections.nCopies(values, "?")) + ")";
    }

    private long count(String sql, List<Object> parameters) {
      // the command's own connection and transaction: the count sees what the engine's query would see
      Connection connection = getDbSqlSession().getSqlSession().getConnection();
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < parameters.size(); i++) {
          statement.setObject(i + 1, parameters.get(i));
        }
        try (ResultSet result = statement.executeQuery()) {
          result.next();
          return result.getLong(1);
        }
      } catch (SQLException e) {
        throw new ProcessEngineException("Task count failed: " + sql, e);
      }
    }
  }
}
