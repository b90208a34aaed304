package org.foiflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.foiflow.contributionpage.ContributionRetention;
import org.foiflow.documents.CaseDocuments;
import org.foiflow.documents.DocumentDecision;
import org.foiflow.documents.DocumentRetention;
import org.foiflow.incoming.CorrespondenceRetention;
import org.foiflow.process.FoiCase;
import org.foiflow.release.ReleaseRetention;
import org.foiflow.search.SearchRetention;
import org.foiflow.security.RetentionSettings;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One year's expired cases removed in the nightly window, on PostgreSQL, while casework goes on.
 *
 * <p>Loading: a hundred cases go through the real engine to their close (half refused as not held, half through
 * assessment, harm and public interest tests to a withheld response), each with a document added while open. Then
 * every row of their history (every ACT_HI_ table and the byte arrays, by root process instance), their foi_case
 * row, similar-requests terms and documents are copied with new ids by INSERT ... SELECT, so every copy has the
 * shape the engine wrote, with a removal time and close date in the past year beyond retention. The originals keep
 * their own (future) removal time, so the run also shows that nothing unexpired goes.
 *
 * <p>Measured: Camunda's history cleanup (removal-time based) run to the end by {@code degreeOfParallelism} threads
 * executing its jobs, as the job executor does inside the window, then foiflow's own nightly retention jobs in their
 * schedule's order; meanwhile one officer thread completes triage tasks of open cases. The same completions are
 * timed first with nothing else running.
 */
class HistoryCleanupBenchmark {

  private static final int CASES = Integer.getInteger("bench.cleanup.cases", 100_000);
  private static final int ENGINE_CASES = Integer.getInteger("bench.cleanup.engineCases", 100);
  private static final int SAMPLES = Integer.getInteger("bench.cleanup.samples", 100);
  private static final int BATCH_SIZE = Integer.getInteger("bench.cleanup.batchSize", 500);
  private static final int PARALLELISM = Integer.getInteger("bench.cleanup.parallelism", 1);
  /** Pause between two timed completions while the cleanup runs, so they spread over it as an officer's would. */
  private static final long PAUSE_MILLIS = Long.getLong("bench.cleanup.pauseMillis", 200);
  private static final int OPEN_CASES = Integer.getInteger("bench.cleanup.openCases", 2 * SAMPLES + 400);

  @Test
  void oneYearsExpiredCasesGoInTheNightlyWindow() throws Exception {
    try (BenchPostgres postgres = BenchPostgres.start(true)) {
      String url = postgres.createDatabase("foiflow");
      ConfigurableApplicationContext app = FoiflowNode.start(url, "postgres", "postgres",
          // the benchmark's threads run the cleanup jobs, as the executor would; no timer fires in between
          "--camunda.bpm.job-execution.enabled=false",
          "--camunda.bpm.generic-properties.properties.historyCleanupBatchSize=" + BATCH_SIZE,
          "--camunda.bpm.generic-properties.properties.historyCleanupDegreeOfParallelism=" + PARALLELISM,
          // whenever the benchmark runs, it is inside the window (the figure is compared with the window's length)
          "--camunda.bpm.generic-properties.properties.historyCleanupBatchWindowStartTime=00:00",
          "--camunda.bpm.generic-properties.properties.historyCleanupBatchWindowEndTime=23:59");
      try {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        FigureTable load = new FigureTable("Loading " + CASES + " expired closed cases into PostgreSQL "
            + postgres.version(), "step", "seconds", "rows");
        List<FoiCase> open = loadThroughTheEngine(engine, app.getBean(CaseDocuments.class), jdbc, load);
        long retentionDays = app.getBean(RetentionSettings.class).closedCases().toDays();
        replicate(jdbc, retentionDays, load);
        load.publish("cleanup-load");
        measure(app, engine, jdbc, open);
      } finally {
        app.close();
      }
    }
  }

  // loading

  private List<FoiCase> loadThroughTheEngine(ProcessEngine engine, CaseDocuments documents, JdbcTemplate jdbc,
                                             FigureTable load) throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    long start = System.nanoTime();
    ExecutorService workers = Executors.newFixedThreadPool(2);
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < ENGINE_CASES; i++) {
      int n = i;
      work.add(workers.submit(() -> closed(engine, documents, n, today.minusDays(30))));
    }
    for (Future<?> f : work) {
      f.get();
    }
    load.row(ENGINE_CASES + " cases through the engine to their close, a document each",
        (System.nanoTime() - start) / 1e9, ENGINE_CASES);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_case WHERE closed_on IS NOT NULL", Long.class))
        .isEqualTo(ENGINE_CASES);

    start = System.nanoTime();
    ConcurrentLinkedQueue<FoiCase> open = new ConcurrentLinkedQueue<>();
    work.clear();
    for (int i = 0; i < OPEN_CASES; i++) {
      int n = i;
      work.add(workers.submit(() -> open.add(FoiCase.logged(engine, FoiCase.aRequest("Open " + n, today)))));
    }
    for (Future<?> f : work) {
      f.get();
    }
    workers.shutdown();
    load.row("open cases at triage (whose tasks are completed while timed)", (System.nanoTime() - start) / 1e9,
        OPEN_CASES);
    return new ArrayList<>(open);
  }

  private static void closed(ProcessEngine engine, CaseDocuments documents, int n, LocalDate receivedOn) {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Expired Requester " + n, receivedOn));
    String id = foi.instance().getId();
    foi.as(FoiCase.OFFICER, () -> {
      String document = documents.add(id, "search-notes-" + n + ".txt",
          ("Searches made for case " + n + ": policy library, email archive, CCTV logs.\n").repeat(40)
              .getBytes(StandardCharsets.UTF_8)).id();
      documents.decide(id, document, DocumentDecision.WITHHOLD, List.of("s31"));
    });
    if (n % 2 == 0) {
      foi.triagedAs(Map.of("informationHeld", false)).approved();
    } else {
      foi.validAndHeld().located().assessed("WITHHOLD", "s31").harmShown("WOULD_BE_LIKELY")
          .publicInterestBalanced("WITHHOLD").approved();
    }
  }

  /** Columns ending in id_ that name a model element, a definition, a user or a tenant: kept as they are. */
  private static final Set<String> MODEL_IDS = Set.of("proc_def_id_", "case_def_id_", "dec_def_id_", "dec_req_id_",
      "deployment_id_", "job_def_id_", "tenant_id_", "user_id_", "start_user_id_", "group_id_", "clause_id_",
      "rule_id_", "worker_id_", "failed_activity_id_", "act_id_", "start_act_id_", "end_act_id_", "activity_id_",
      "batch_id_", "org_id_");
  /** foiflow's columns that hold a case's own ids. */
  private static final Set<String> FOI_OWN_IDS = Set.of("id", "reference", "process_instance_id", "document_id");

  private void replicate(JdbcTemplate jdbc, long retentionDays, FigureTable load) {
    int copies = CASES / ENGINE_CASES;
    assertThat(copies * ENGINE_CASES).as("cases must be a multiple of the engine cases").isEqualTo(CASES);
    long start = System.nanoTime();
    jdbc.execute("CREATE TABLE bench_closed AS SELECT id_ FROM act_hi_procinst"
        + " WHERE proc_def_key_ = 'foi-request' AND end_time_ IS NOT NULL");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bench_closed", Long.class)).isEqualTo(ENGINE_CASES);
    // copy k expired k % 365 + 1 days ago, at a minute of its own (parallel cleanup jobs split by minute)
    String expired = "LOCALTIMESTAMP - ((g.k % 365) + 1) * INTERVAL '1 day' - (g.k % 60) * INTERVAL '1 minute'";
    List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND column_name = 'root_proc_inst_id_'"
        + " AND (table_name LIKE 'act_hi_%' OR table_name = 'act_ge_bytearray') ORDER BY table_name", String.class);
    long history = 0;
    for (String table : tables) {
      history += copy(jdbc, table, "root_proc_inst_id_ IN (SELECT id_ FROM bench_closed)", copies,
          column -> engineColumn(column, expired));
    }
    load.row("copies of the history rows, INSERT ... SELECT (" + tables.size() + " tables)",
        (System.nanoTime() - start) / 1e9, history);

    start = System.nanoTime();
    String closedOn = "CURRENT_DATE - " + (retentionDays + 1) + " - (g.k % 365)";
    long foi = copy(jdbc, "foi_case", "process_instance_id IN (SELECT id_ FROM bench_closed)", copies,
        column -> foiColumn(column, "closed_on".equals(column) ? closedOn : null));
    String references = "(SELECT reference FROM foi_case WHERE process_instance_id IN (SELECT id_ FROM bench_closed))";
    foi += copy(jdbc, "foi_case_term", "reference IN " + references, copies, column -> foiColumn(column, null));
    // a document's id is a random UUID, 36 characters: the copy's is another
    foi += copy(jdbc, "foi_document", "process_instance_id IN (SELECT id_ FROM bench_closed)", copies,
        column -> foiColumn(column, "id".equals(column) ? "MD5(id || '-' || g.k)::uuid::text" : null));
    load.row("copies of foi_case, its terms and documents", (System.nanoTime() - start) / 1e9, foi);

    start = System.nanoTime();
    jdbc.execute("VACUUM ANALYZE");
    load.row("VACUUM ANALYZE", (System.nanoTime() - start) / 1e9, "");
    load.row("expired history rows in all", "", expiredHistoryRows(jdbc, tables));
    load.row("database size (MB)", "", jdbc.queryForObject("SELECT pg_database_size(current_database()) / 1048576",
        Long.class));
  }

  private static String engineColumn(String column, String expired) {
    if ("removal_time_".equals(column)) {
      return expired;
    }
    boolean ownId = (column.equals("id_") || column.endsWith("_id_") || column.equals("business_key_")
        || column.equals("super_exec_") || column.equals("execution_id_")) && !MODEL_IDS.contains(column);
    // the copy's number is appended; an id with no room for it (activity instance ids of long activity names, up to
    // 64 characters) ends in a time-based UUID's node number, constant in one JVM, which the copy's number replaces
    return ownId && !column.equals("business_key_")
        ? "CASE WHEN LENGTH(" + column + ") <= 56 THEN " + column + " || '-' || g.k ELSE LEFT(" + column
            + ", -7) || '-' || LPAD(TO_HEX(g.k), 6, '0') END"
        : ownId ? column + " || '-' || g.k" : column;
  }

  private static String foiColumn(String column, String override) {
    if (override != null) {
      return override;
    }
    if ("intake_fingerprint".equals(column)) {
      return "NULL";
    }
    return FOI_OWN_IDS.contains(column) ? column + " || '-' || g.k" : column;
  }

  private static long copy(JdbcTemplate jdbc, String table, String originals, int copies,
                           java.util.function.Function<String, String> value) {
    List<String> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns"
        + " WHERE table_name = ? AND table_schema = current_schema() ORDER BY ordinal_position", String.class, table);
    String values = columns.stream().map(value).collect(Collectors.joining(", "));
    return jdbc.update("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + values
        + " FROM " + table + " CROSS JOIN generate_series(1, " + copies + ") AS g(k) WHERE " + originals);
  }

  private static long expiredHistoryRows(JdbcTemplate jdbc, List<String> tables) {
    long rows = 0;
    for (String table : tables) {
      rows += jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE removal_time_ <= LOCALTIMESTAMP", Long.class);
    }
    return rows;
  }

  // measuring

  private void measure(ConfigurableApplicationContext app, ProcessEngine engine, JdbcTemplate jdbc,
                       List<FoiCase> open) throws Exception {
    List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND column_name = 'removal_time_'"
        + " AND (table_name LIKE 'act_hi_%' OR table_name = 'act_ge_bytearray') ORDER BY table_name", String.class);
    FigureTable cleanup = new FigureTable("Removing " + CASES + " expired cases (PostgreSQL, batch size " + BATCH_SIZE
        + ", degree of parallelism " + PARALLELISM + ")", "step", "seconds", "rows");

    Latencies quiet = new Latencies();
    for (int i = 0; i < SAMPLES; i++) {
      completeTriage(engine, open.remove(0), quiet);
    }

    // casework during the cleanup: one officer, a triage task every PAUSE_MILLIS
    AtomicBoolean cleaning = new AtomicBoolean(true);
    Latencies busy = new Latencies();
    ExecutorService officer = Executors.newSingleThreadExecutor();
    Future<?> casework = officer.submit(() -> {
      while (cleaning.get() && !open.isEmpty()) {
        completeTriage(engine, open.remove(0), busy);
        try {
          Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
    });

    long startAll = System.nanoTime();
    long start = System.nanoTime();
    long[] batches = historyCleanup(engine, jdbc, tables);
    double camundaSeconds = (System.nanoTime() - start) / 1e9;
    cleanup.row("Camunda history cleanup, removal-time based (" + batches[0] + " job runs)", camundaSeconds,
        batches[1]);
    assertThat(expiredHistoryRows(jdbc, tables)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = 'foi-request'"
        + " AND end_time_ IS NOT NULL", Long.class)).as("the unexpired originals stay").isEqualTo(ENGINE_CASES);

    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    start = System.nanoTime();
    int forgotten = app.getBean(SearchRetention.class).forgetCasesPastRetention(today);
    cleanup.row("01:30 search.SearchRetention (requester and words out of foi_case, terms deleted)",
        (System.nanoTime() - start) / 1e9, forgotten);
    start = System.nanoTime();
    int withDocuments = app.getBean(DocumentRetention.class).removeDocumentsPastRetention(today);
    cleanup.row("01:40 documents.DocumentRetention (cases whose documents went)", (System.nanoTime() - start) / 1e9,
        withDocuments);
    start = System.nanoTime();
    int links = app.getBean(ReleaseRetention.class).forgetPastRetention(today, Instant.now());
    cleanup.row("01:40 release.ReleaseRetention (download links)", (System.nanoTime() - start) / 1e9, links);
    start = System.nanoTime();
    int messages = app.getBean(CorrespondenceRetention.class).removeMessagesOfForgottenCases();
    cleanup.row("01:45 incoming.CorrespondenceRetention (messages of forgotten cases)",
        (System.nanoTime() - start) / 1e9, messages);
    start = System.nanoTime();
    int contributions = app.getBean(ContributionRetention.class).removeContributionsOfForgottenCases();
    cleanup.row("01:50 contributionpage.ContributionRetention (contributions of forgotten cases)",
        (System.nanoTime() - start) / 1e9, contributions);
    double allSeconds = (System.nanoTime() - startAll) / 1e9;
    cleanup.row("all of it", allSeconds, "");
    cleaning.set(false);
    casework.get();
    officer.shutdown();

    assertThat(forgotten).isEqualTo(CASES);
    assertThat(withDocuments).isEqualTo(CASES);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_document", Long.class)).isEqualTo(ENGINE_CASES);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_case WHERE requester_name IS NOT NULL AND closed_on"
        + " IS NOT NULL", Long.class)).isEqualTo(ENGINE_CASES);
    cleanup.note("The window is 4 h (01:00 to 05:00, 14 400 s): this run took " + String.format("%.0f", allSeconds)
        + " s, " + String.format("%.1f", allSeconds / 144) + " % of it; 10 times as many cases at the same rate would"
        + " take " + String.format("%.0f", allSeconds * 10) + " s.");
    cleanup.publish("cleanup");

    FigureTable tasks = new FigureTable("Completing a triage task, with and without the cleanup running",
        "while", "n", "p50 ms", "p95 ms", "p99 ms");
    tasks.row("nothing else runs", quiet.count(), quiet.percentileMillis(50), quiet.percentileMillis(95),
        quiet.percentileMillis(99));
    tasks.row("the cleanup runs", busy.count(), busy.percentileMillis(50), busy.percentileMillis(95),
        busy.percentileMillis(99));
    tasks.note("One officer thread: claim, then complete (timed) the triage task of an open case; during the cleanup"
        + " one every " + PAUSE_MILLIS + " ms until it ended.");
    tasks.publish("cleanup-casework");
  }

  private static void completeTriage(ProcessEngine engine, FoiCase foi, Latencies latencies) {
    Task task = foi.task("Triage");
    foi.as(FoiCase.OFFICER, () -> {
      engine.getTaskService().claim(task.getId(), FoiCase.OFFICER);
      long start = System.nanoTime();
      engine.getTaskService().complete(task.getId(), FoiCase.triageAnswers(Map.of()));
      latencies.add(System.nanoTime() - start);
    });
  }

  /**
   * Runs the cleanup's jobs to the end, one thread per job (the degree of parallelism), as the job executor would:
   * a job that deleted a batch is due again at once; one that found too little is put off, and is done once nothing
   * expired is left. Answers job runs and the expired rows there were.
   */
  private static long[] historyCleanup(ProcessEngine engine, JdbcTemplate jdbc, List<String> tables) throws Exception {
    HistoryService history = engine.getHistoryService();
    ManagementService management = engine.getManagementService();
    long expired = expiredHistoryRows(jdbc, tables);
    history.cleanUpHistoryAsync(true);
    List<Job> jobs = history.findHistoryCleanupJobs();
    assertThat(jobs).hasSize(PARALLELISM);
    AtomicLong runs = new AtomicLong();
    ExecutorService executor = Executors.newFixedThreadPool(jobs.size());
    List<Future<?>> running = new ArrayList<>();
    for (Job job : jobs) {
      running.add(executor.submit(() -> {
        while (true) {
          management.executeJob(job.getId());
          runs.incrementAndGet();
          Job after = management.createJobQuery().jobId(job.getId()).singleResult();
          boolean putOff = after.getDuedate() != null
              && after.getDuedate().after(new Date(System.currentTimeMillis() + Duration.ofSeconds(1).toMillis()));
          if (putOff) {
            // its minutes are done; the run ends when every job's are
            if (expiredHistoryRows(jdbc, tables) == 0) {
              return null;
            }
            Thread.sleep(500);
          }
        }
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    executor.shutdown();
    // every expired row went (the caller checks none is left)
    return new long[] {runs.get(), expired};
  }
}
