package org.foiflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.monitoring.TasklistFilters;
import org.foiflow.process.FoiCase;
import org.foiflow.security.FoiGroups;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The manager's deadline view and the Tasklist filters with 100 000 open cases in PostgreSQL.
 *
 * <p>Loading: a thousand cases go through the real engine (registration, letters, claims, completed tasks) to
 * mixed stages, received over the last 45 days so their due dates spread from overdue to three weeks ahead;
 * the deadline watch's due timers run, so overdue cases carry their managers' alerts. Then each case's rows
 * (executions, tasks, candidate links, task authorizations, the foi_case index row) are copied with new ids
 * by INSERT ... SELECT, so every copy has exactly the shape the engine wrote. Then VACUUM ANALYZE, as autovacuum
 * would after a bulk load. Measured: GET /api/deadlines over HTTP as maya (basic auth, the real filter chain), and each Tasklist
 * filter's first page (15 tasks) and count through the engine's FilterService, as a user of each group,
 * authorizations on.
 */
class DeadlineQueriesBenchmark {

  private static final int OPEN_CASES = Integer.getInteger("bench.deadlines.openCases", 100_000);
  private static final int ENGINE_CASES = Integer.getInteger("bench.deadlines.engineCases", 250);
  private static final int WARM_UP = Integer.getInteger("bench.deadlines.warmUp", 10);
  private static final int SAMPLES = Integer.getInteger("bench.deadlines.samples", 100);
  /** A slow query stops being sampled after this long, so a bad figure cannot stall the run. */
  private static final Duration SERIES_LIMIT = Duration.ofSeconds(Long.getLong("bench.deadlines.seriesSeconds", 25));

  private static final Duration STATEMENT_TIMEOUT =
      Duration.ofSeconds(Long.getLong("bench.deadlines.statementTimeoutSeconds", 15));

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void deadlineViewAndTasklistFiltersWith100000OpenCases() throws Exception {
    // reads are measured; commits need not wait for the disk while loading
    try (BenchPostgres postgres = BenchPostgres.start(false)) {
      String url = postgres.createDatabase("foiflow");
      // timers are run by the loader, once, instead of by the job executor in the middle of the measurements
      ConfigurableApplicationContext app = FoiflowNode.start(url, "postgres", "postgres",
          "--camunda.bpm.job-execution.enabled=false");
      try {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        FigureTable load = new FigureTable("Loading " + OPEN_CASES + " open cases into PostgreSQL " + postgres.version(),
            "step", "seconds", "rows");
        loadThroughTheEngine(engine, jdbc, load);
        replicate(jdbc, load);
        measure(engine, FoiflowNode.port(app), jdbc, app.getBean(HikariDataSource.class));
        load.publish("deadline-load");
      } finally {
        app.close();
      }
    }
  }

  // loading

  private void loadThroughTheEngine(ProcessEngine engine, JdbcTemplate jdbc, FigureTable load) throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    long start = System.nanoTime();
    ExecutorService workers = Executors.newFixedThreadPool(2);
    List<Future<?>> cases = new ArrayList<>();
    for (int i = 0; i < ENGINE_CASES; i++) {
      int n = i;
      cases.add(workers.submit(() -> toStage(engine, n, today.minusDays(n % 46))));
    }
    for (Future<?> c : cases) {
      c.get();
    }
    workers.shutdown();
    load.row(ENGINE_CASES + " cases through the engine, to mixed stages", (System.nanoTime() - start) / 1e9,
        ENGINE_CASES);

    start = System.nanoTime();
    ManagementService management = engine.getManagementService();
    int fired = 0;
    for (int pass = 0; pass < 5; pass++) {
      List<Job> due = management.createJobQuery().executable().timers().list();
      if (due.isEmpty()) {
        break;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
        fired++;
      }
    }
    load.row("deadline watch timers due now, run", (System.nanoTime() - start) / 1e9, fired);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_case WHERE closed_on IS NULL", Long.class))
        .isEqualTo(ENGINE_CASES);
  }

  /** Case n's stage: 40 % at triage, 20 % locating, 15 % assessing, 10 % harm test, 5 % public interest, 10 % approval. */
  static void toStage(ProcessEngine engine, int n, LocalDate receivedOn) {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Requester " + n, receivedOn));
    int slot = n % 20;
    String open = "Triage";
    if (slot >= 8) {
      foi.validAndHeld();
      open = "LocateInformation";
    }
    if (slot >= 12) {
      foi.located();
      open = "AssessExemptions";
    }
    if (slot >= 15) {
      foi.assessed("WITHHOLD", "s31");
      open = "HarmTest";
    }
    if (slot >= 17) {
      foi.harmShown("WOULD_BE_LIKELY");
      open = "PublicInterestTest";
    }
    if (slot >= 18) {
      foi.publicInterestBalanced("WITHHOLD");
      open = "ApproveResponse";
    }
    // a third of the open tasks are claimed, as in a working team
    if (n % 3 == 0) {
      String user = "ApproveResponse".equals(open) ? FoiCase.APPROVER : FoiCase.SECOND_OFFICER;
      Task task = foi.task(open);
      foi.as(user, () -> engine.getTaskService().claim(task.getId(), user));
    }
  }

  /** The columns that hold an id of a case's own rows: they get the copy's suffix; every other column is kept. */
  static final Set<String> OWN_IDS = Set.of("id_", "root_proc_inst_id_", "proc_inst_id_", "parent_id_",
      "super_exec_", "business_key_", "execution_id_", "task_id_", "parent_task_id_", "resource_id_",
      "reference", "process_instance_id");

  private void replicate(JdbcTemplate jdbc, FigureTable load) {
    int copies = OPEN_CASES / ENGINE_CASES - 1;
    assertThat((copies + 1) * ENGINE_CASES).as("open cases must be a multiple of the engine cases").isEqualTo(OPEN_CASES);
    long start = System.nanoTime();
    String foiTasks = "SELECT id_ FROM act_ru_task WHERE proc_def_id_ LIKE 'foi-request:%'";
    long rows = 0;
    rows += copy(jdbc, "act_ru_execution", "proc_def_id_ LIKE 'foi-request:%'", copies);
    rows += copy(jdbc, "act_ru_task", "proc_def_id_ LIKE 'foi-request:%'", copies);
    rows += copy(jdbc, "act_ru_identitylink", "task_id_ IN (" + foiTasks + ")", copies);
    rows += copy(jdbc, "act_ru_authorization", "resource_type_ = 7 AND resource_id_ IN (" + foiTasks + ")", copies);
    rows += copy(jdbc, "foi_case", "closed_on IS NULL", copies);
    load.row("copies of each case's rows, INSERT ... SELECT", (System.nanoTime() - start) / 1e9, rows);
    start = System.nanoTime();
    jdbc.execute("VACUUM ANALYZE");
    load.row("VACUUM ANALYZE (what autovacuum does after a bulk load)", (System.nanoTime() - start) / 1e9, "");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_case WHERE closed_on IS NULL", Long.class))
        .isEqualTo(OPEN_CASES);
    // other processes (letters to post, correspondence) have tasks of their own: they are not copied
    assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT proc_inst_id_) FROM act_ru_task"
        + " WHERE proc_def_id_ LIKE 'foi-request:%'", Long.class))
        .isEqualTo(OPEN_CASES);
    load.row("open tasks in all", "", jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_task", Long.class));
  }

  static int copy(JdbcTemplate jdbc, String table, String originals, int copies) {
    List<String> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns"
        + " WHERE table_name = ? AND table_schema = current_schema() ORDER BY ordinal_position", String.class, table);
    String values = columns.stream().map(column -> {
      if (OWN_IDS.contains(column)) {
        return column + " || '-' || g.k";
      }
      // one case per submission: the copies are not the same submission as their original
      return "intake_fingerprint".equals(column) ? "NULL" : column;
    }).collect(Collectors.joining(", "));
    return jdbc.update("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + values
        + " FROM " + table + " CROSS JOIN generate_series(1, " + copies + ") AS g(k) WHERE " + originals);
  }

  // measuring

  private void measure(ProcessEngine engine, int port, JdbcTemplate jdbc, HikariDataSource pool) throws Exception {
    FigureTable table = new FigureTable("Deadline and task-list queries, " + OPEN_CASES + " open cases (PostgreSQL)",
        "query", "as", "rows", "n", "p50 ms", "p95 ms", "p99 ms");

    for (String[] query : new String[][] {
        {"GET /api/deadlines (first page of 50, by due date)", "/api/deadlines", null},
        {"GET /api/deadlines?status=AT_RISK", "/api/deadlines?status=AT_RISK", "AT_RISK"},
        {"GET /api/deadlines?status=OVERDUE", "/api/deadlines?status=OVERDUE", "OVERDUE"}}) {
      JsonNode[] answer = new JsonNode[1];
      Latencies latencies = sample(() -> {
        answer[0] = deadlines(port, query[1]);
        return answer[0];
      });
      JsonNode page = answer[0];
      long total = page.get("total").asLong();
      if (query[2] == null) {
        assertThat(total).isEqualTo(OPEN_CASES);
      } else {
        assertThat(total).isEqualTo(page.get("counts").get(query[2]).asLong()).isPositive();
        assertThat(page.get("cases").findValuesAsText("status")).containsOnly(query[2]);
      }
      assertThat(page.get("cases").size()).isEqualTo(50);
      table.row(query[0], "maya", total, latencies.count(), latencies.percentileMillis(50),
          latencies.percentileMillis(95), latencies.percentileMillis(99));
    }

    if (!Boolean.parseBoolean(System.getProperty("bench.deadlines.tasklist", "true"))) {
      table.publish("deadline-queries");
      return;
    }
    // A task query that takes minutes would stall the run: PostgreSQL cancels any statement after this long.
    jdbc.execute("ALTER DATABASE foiflow SET statement_timeout = '" + STATEMENT_TIMEOUT.toMillis() + "ms'");
    pool.getHikariPoolMXBean().softEvictConnections();
    FilterService filters = engine.getFilterService();
    IdentityService identity = engine.getIdentityService();
    Date now = new Date();
    // an officer who also approves: a task of both groups is one task, counted once
    identity.saveUser(identity.newUser("amos"));
    identity.createMembership("amos", FoiGroups.OFFICERS);
    identity.createMembership("amos", FoiGroups.APPROVERS);
    for (String[] filterAndUser : new String[][] {
        {TasklistFilters.MY_GROUP, "olivia"}, {TasklistFilters.MY_GROUP, "amos"}, {TasklistFilters.DUE_SOON, "olivia"},
        {TasklistFilters.OVERDUE, "olivia"}, {TasklistFilters.OVERDUE, "maya"}, {TasklistFilters.TEAM_OVERDUE, "maya"},
        {TasklistFilters.AWAITING_APPROVAL, "amira"}}) {
      String filterId = filters.createFilterQuery().filterName(filterAndUser[0]).singleResult().getId();
      String user = filterAndUser[1];
      List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
      identity.setAuthentication(user, groups);
      try {
        List<List<Task>> firstPage = new ArrayList<>();
        Latencies list = sample(() -> {
          firstPage.add(0, filters.listPage(filterId, 0, 15));
          return null;
        });
        long[] count = {-1};
        Latencies counted = sample(() -> {
          count[0] = filters.count(filterId);
          return null;
        });
        // the engine's own count in the same run: a criterion FilterCounts leaves to the engine and that changes
        // nothing (the tenant check already keeps only tasks of no tenant)
        long[] engineCount = {-1};
        Latencies engineCounted = sample(() -> {
          engineCount[0] = filters.count(filterId, engine.getTaskService().createTaskQuery().withoutTenantId());
          return null;
        });
        if (count[0] >= 0 && engineCount[0] >= 0) {
          assertThat(count[0]).as("count of " + filterAndUser[0] + " as " + user).isEqualTo(engineCount[0]);
        }
        String name = "Tasklist filter \"" + filterAndUser[0] + "\"";
        if (!firstPage.isEmpty()) {
          List<Task> tasks = firstPage.get(0);
          assertThat(tasks).as(filterAndUser[0] + " as " + user).hasSize(15);
          if (TasklistFilters.OVERDUE.equals(filterAndUser[0]) || TasklistFilters.TEAM_OVERDUE.equals(filterAndUser[0])) {
            assertThat(tasks).allSatisfy(task -> assertThat(task.getDueDate()).isBefore(now));
          }
          if (TasklistFilters.AWAITING_APPROVAL.equals(filterAndUser[0])) {
            assertThat(tasks).extracting(Task::getTaskDefinitionKey).containsOnly("ApproveResponse");
          }
        }
        if (count[0] >= 0) {
          assertThat(count[0]).isGreaterThanOrEqualTo(15);
        }
        row(table, name + ": first 15", user + " (" + String.join(", ", groups) + ")",
            firstPage.isEmpty() ? "" : firstPage.get(0).size(), list);
        row(table, name + ": count", user, count[0] < 0 ? "" : count[0], counted);
        row(table, name + ": count, the engine's query", user, engineCount[0] < 0 ? "" : engineCount[0], engineCounted);
      } finally {
        identity.clearAuthentication();
      }
    }
    table.note(WARM_UP + " warm-up calls, then up to " + SAMPLES + " timed calls per query (fewer if a query's calls "
        + "passed " + SERIES_LIMIT.toSeconds() + " s), one client thread. PostgreSQL cancels a statement after "
        + STATEMENT_TIMEOUT.toSeconds() + " s (statement_timeout).");
    table.publish("deadline-queries");
  }

  private static void row(FigureTable table, String query, String user, Object rows, Latencies latencies) {
    if (latencies.count() == 0) {
      table.row(query, user, rows, 0, "> " + STATEMENT_TIMEOUT.toMillis() + " (cancelled)", "", "");
    } else {
      table.row(query, user, rows, latencies.count(), latencies.percentileMillis(50), latencies.percentileMillis(95),
          latencies.percentileMillis(99));
    }
  }

  private JsonNode deadlines(int port, String path) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", BasicAuthCalls.authorization("maya", "demo"))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      return json.readTree(response.body());
    } catch (Exception e) {
      throw new IllegalStateException(path, e);
    }
  }

  /** Times the call; a call PostgreSQL cancels (statement timeout) ends the series with what was measured. */
  private static Latencies sample(Supplier<Object> call) {
    Latencies latencies = new Latencies();
    try {
      for (int i = 0; i < WARM_UP; i++) {
        call.get();
      }
      long deadline = System.nanoTime() + SERIES_LIMIT.toNanos();
      while (latencies.count() < SAMPLES && System.nanoTime() < deadline) {
        long start = System.nanoTime();
        call.get();
        latencies.add(System.nanoTime() - start);
      }
    } catch (RuntimeException cancelled) {
      boolean timedOut = false;
      for (Throwable cause = cancelled; cause != null; cause = cause.getCause()) {
        timedOut |= String.valueOf(cause.getMessage()).contains("statement timeout");
      }
      if (!timedOut) {
        throw cancelled;
      }
      System.out.println("cancelled after " + STATEMENT_TIMEOUT + ": " + cancelled.getMessage().lines().findFirst().orElse(""));
    }
    return latencies;
  }
}
