package org.foiflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.foiflow.disclosure.DisclosureLog;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.process.FoiCase;
import org.foiflow.similarity.RequestTestSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ten years of an authority's FOI work in PostgreSQL: reads over a million closed cases beside 100 000 open ones.
 *
 * <p>Loading: bench.decade.engineCases requests go through the real engine to their end, received over the last ten
 * years (the engine clock is moved to each day of the work), with mixed outcomes (granted in full and in part,
 * withheld under s.31 after the harm and public interest tests, not held, refused under s.12), their texts from the
 * similarity test set; the granted ones are published in the disclosure log. Each closed case's rows (every ACT_HI_*
 * row and history byte array of the case, foi_case, its terms, report, exemptions, letters, disclosure log entry, ...)
 * are then copied with new ids and dates moved back by up to four weeks, by INSERT ... SELECT, so every copy has the
 * shape the engine wrote. The open cases are DeadlineQueriesBenchmark's. Then VACUUM ANALYZE.
 *
 * <p>Measured over HTTP as maya (a manager), one client thread: the statistics API for a quarter and a year, the
 * disclosure log (page, text search, JSON feed), case search by requester name and by keyword, requester history,
 * similar requests, a closed case's page with its timeline.
 */
class DecadeScaleBenchmark {

  private static final int CLOSED = Integer.getInteger("bench.decade.closedCases", 1_000_000);
  private static final int OPEN = Integer.getInteger("bench.decade.openCases", 100_000);
  private static final int ENGINE_CLOSED = Integer.getInteger("bench.decade.engineCases", 200);
  private static final int ENGINE_OPEN = Integer.getInteger("bench.decade.engineOpenCases", 100);
  /** Copies made per INSERT ... SELECT, so the load rate can be watched and no statement grows too large. */
  private static final int COPIES_PER_STATEMENT = Integer.getInteger("bench.decade.copiesPerStatement", 50);
  private static final int WARM_UP = Integer.getInteger("bench.decade.warmUp", 10);
  private static final int SAMPLES = Integer.getInteger("bench.decade.samples", 100);
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  /**
   * -Dbench.decade.dataDirectory=target/benchmarks/decade-pg keeps the loaded database: a later run with the same
   * scale starts the application on it (new migrations run) and only measures.
   */
  private static final String DATA_DIRECTORY = System.getProperty("bench.decade.dataDirectory");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private int port;

  @Test
  void readsOverTenYearsOfClosedCases() throws Exception {
    try (BenchPostgres postgres = BenchPostgres.start(false, DATA_DIRECTORY == null ? null : Path.of(DATA_DIRECTORY))) {
      String url = postgres.database("foiflow");
      ConfigurableApplicationContext app = FoiflowNode.start(url, "postgres", "postgres",
          "--camunda.bpm.job-execution.enabled=false");
      try {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        if (loaded(jdbc)) {
          // loaded by an earlier run into the kept data directory: measure again (e.g. after a migration)
          measure(jdbc, FoiflowNode.port(app));
          return;
        }
        FigureTable load = new FigureTable("Loading " + CLOSED + " closed and " + OPEN + " open cases into PostgreSQL "
            + postgres.version(), "step", "seconds", "rows");
        closeThroughTheEngine(engine, app.getBean(DisclosureLog.class), jdbc, load);
        openThroughTheEngine(engine, load);
        FigureTable perCase = oneCasesHistory(jdbc);
        copyClosed(jdbc, load);
        copyOpen(jdbc, load);
        long start = System.nanoTime();
        jdbc.execute("VACUUM ANALYZE");
        load.row("VACUUM ANALYZE", seconds(start), "");
        load.row("database size", "", jdbc.queryForObject(
            "SELECT pg_size_pretty(pg_database_size(current_database()))", String.class));
        perCase.publish("decade-case-history");
        load.publish("decade-load");
        measure(jdbc, FoiflowNode.port(app));
      } finally {
        ClockUtil.reset();
        app.close();
      }
    }
  }

  // loading

  private static boolean loaded(JdbcTemplate jdbc) {
    boolean benchTable = Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM information_schema.tables"
        + " WHERE table_name = 'bench_closed' AND table_schema = current_schema())", Boolean.class));
    if (!benchTable) {
      return false;
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_case WHERE closed_on IS NOT NULL", Long.class))
        .as("the kept database's closed cases").isEqualTo(CLOSED);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_case WHERE closed_on IS NULL", Long.class))
        .as("the kept database's open cases").isEqualTo(OPEN);
    jdbc.execute("ANALYZE");
    return true;
  }

  private static final String[] SUBJECTS = {"CCTV policy", "Pothole repairs", "Council tax arrears", "Parking fines",
      "Planning application", "Bin collections", "School admissions", "Consultancy spend", "Street lighting",
      "Air quality monitoring", "Staff salaries", "Library closures", "Road gritting", "Fly-tipping"};

  private void closeThroughTheEngine(ProcessEngine engine, DisclosureLog log, JdbcTemplate jdbc, FigureTable load) {
    long start = System.nanoTime();
    LocalDate today = LocalDate.now(LONDON);
    LocalDate first = today.minusYears(10);
    List<RequestTestSet.Row> texts = new ArrayList<>(RequestTestSet.rows().values());
    long days = first.until(today.minusDays(60), java.time.temporal.ChronoUnit.DAYS);
    for (int n = 0; n < ENGINE_CLOSED; n++) {
      LocalDate received = first.plusDays(days * n / ENGINE_CLOSED);
      on(received);
      // one in three requests from a few regular requesters
      String requester = n % 3 == 0 ? "Regular Asker " + (n % 7) : "Requester " + n;
      RequestTestSet.Row text = texts.get(n % texts.size());
      FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest(requester, received)
          .putValue("subject", SUBJECTS[n % SUBJECTS.length])
          .putValue("requestText", text.text() + " (" + received.getYear() + ", request " + n + ")"));
      String outcomePath = switch (n % 6) {
        case 0, 5 -> "FULL";
        case 1 -> "PART";
        case 2 -> "WITHHOLD";
        case 3 -> "NOT_HELD";
        default -> "S12";
      };
      switch (outcomePath) {
        case "FULL" -> foi.validAndHeld().located().assessed("FULL");
        case "PART" -> foi.validAndHeld().located().assessed("PART", "s40-2");
        case "WITHHOLD" -> foi.validAndHeld().located().assessed("WITHHOLD", "s31").harmShown("WOULD_BE_LIKELY")
            .publicInterestBalanced("WITHHOLD");
        case "NOT_HELD" -> foi.triagedAs(Map.of("informationHeld", false));
        default -> foi.triagedAs(Map.of("estimatedHours", 30));
      }
      // answered within the 20 working days mostly, one in ten late
      LocalDate answered = received.plusDays(n % 10 == 0 ? 35 : 7 + n % 18);
      on(answered);
      foi.approved();
      if (outcomePath.equals("FULL") || outcomePath.equals("PART")) {
        log.publish(new DisclosureLog.Entry(foi.reference(), "FOIA", outcomePath.equals("FULL") ? "GRANTED_IN_FULL"
            : "GRANTED_IN_PART", received, answered, answered.plusDays(3), SUBJECTS[n % SUBJECTS.length],
            text.text(), "Please find the information attached.", outcomePath.equals("PART") ? List.of("s40-2")
            : List.of(), List.of()));
      }
    }
    ClockUtil.reset();
    load.row(ENGINE_CLOSED + " cases through the engine to their end, over ten years", seconds(start), ENGINE_CLOSED);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_case WHERE closed_on IS NOT NULL", Long.class))
        .isEqualTo(ENGINE_CLOSED);
    jdbc.execute("CREATE TABLE bench_closed AS SELECT reference, process_instance_id FROM foi_case");
  }

  private static void openThroughTheEngine(ProcessEngine engine, FigureTable load) {
    long start = System.nanoTime();
    LocalDate today = LocalDate.now(LONDON);
    for (int n = 0; n < ENGINE_OPEN; n++) {
      DeadlineQueriesBenchmark.toStage(engine, n, today.minusDays(n % 46));
    }
    load.row(ENGINE_OPEN + " open cases through the engine, to mixed stages", seconds(start), ENGINE_OPEN);
  }

  private static void on(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(LONDON).toInstant()));
  }

  /** The tables holding a closed case's rows, each with how its original rows are found. */
  private static List<String[]> closedCaseTables(JdbcTemplate jdbc) {
    List<String[]> tables = new ArrayList<>();
    for (Map<String, Object> t : jdbc.queryForList("SELECT table_name,"
        + " bool_or(column_name = 'root_proc_inst_id_') AS engine_row,"
        + " bool_or(column_name = 'reference') AS by_reference,"
        + " bool_or(column_name = 'process_instance_id') AS by_instance"
        + " FROM information_schema.columns WHERE table_schema = current_schema() GROUP BY table_name"
        + " ORDER BY table_name")) {
      String table = (String) t.get("table_name");
      if (table.startsWith("act_ru_") || table.startsWith("bench_")) {
        continue;
      }
      String where = null;
      if (Boolean.TRUE.equals(t.get("engine_row"))) {
        where = "root_proc_inst_id_ IN (SELECT process_instance_id FROM bench_closed)";
      } else if (Boolean.TRUE.equals(t.get("by_reference"))) {
        where = "reference IN (SELECT reference FROM bench_closed)";
      } else if (Boolean.TRUE.equals(t.get("by_instance"))) {
        where = "process_instance_id IN (SELECT process_instance_id FROM bench_closed)";
      }
      if (where != null && jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + where, Long.class) > 0) {
        tables.add(new String[] {table, where});
      }
    }
    return tables;
  }

  /** What one closed case costs: its rows and their bytes (heap and indexes), table by table. */
  private static FigureTable oneCasesHistory(JdbcTemplate jdbc) {
    jdbc.execute("ANALYZE");
    FigureTable table = new FigureTable("One closed case's rows (mean of the " + ENGINE_CLOSED + " engine cases)",
        "table", "rows per case", "bytes per case (table + indexes, pro rata)");
    long rows = 0;
    double bytes = 0;
    for (String[] t : closedCaseTables(jdbc)) {
      long own = jdbc.queryForObject("SELECT COUNT(*) FROM " + t[0] + " WHERE " + t[1], Long.class);
      long all = jdbc.queryForObject("SELECT COUNT(*) FROM " + t[0], Long.class);
      long size = jdbc.queryForObject("SELECT pg_total_relation_size(?)", Long.class, t[0]);
      double perCase = (double) size * own / Math.max(1, all) / ENGINE_CLOSED;
      table.row(t[0], (double) own / ENGINE_CLOSED, Math.round(perCase));
      rows += own;
      bytes += perCase;
    }
    table.row("all", (double) rows / ENGINE_CLOSED, Math.round(bytes));
    return table;
  }

  private static void copyClosed(JdbcTemplate jdbc, FigureTable load) {
    int copies = CLOSED / ENGINE_CLOSED - 1;
    assertThat((copies + 1) * ENGINE_CLOSED).as("closed cases must be a multiple of the engine cases").isEqualTo(CLOSED);
    long start = System.nanoTime();
    List<String[]> tables = closedCaseTables(jdbc);
    long rows = 0;
    for (int from = 1; from <= copies; from += COPIES_PER_STATEMENT) {
      int to = Math.min(copies, from + COPIES_PER_STATEMENT - 1);
      for (String[] table : tables) {
        rows += copy(jdbc, table[0], table[1], from, to);
      }
      System.out.printf("closed copies %d..%d of %d: %d rows, %.0f s%n", from, to, copies, rows, seconds(start));
    }
    load.row("copies of each closed case's rows (" + tables.size() + " tables), INSERT ... SELECT", seconds(start), rows);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_case WHERE closed_on IS NOT NULL", Long.class))
        .isEqualTo(CLOSED);
  }

  private static void copyOpen(JdbcTemplate jdbc, FigureTable load) {
    int copies = OPEN / ENGINE_OPEN - 1;
    assertThat((copies + 1) * ENGINE_OPEN).as("open cases must be a multiple of the engine cases").isEqualTo(OPEN);
    long start = System.nanoTime();
    String foiTasks = "SELECT id_ FROM act_ru_task WHERE proc_def_id_ LIKE 'foi-request:%'";
    long rows = 0;
    rows += DeadlineQueriesBenchmark.copy(jdbc, "act_ru_execution", "proc_def_id_ LIKE 'foi-request:%'", copies);
    rows += DeadlineQueriesBenchmark.copy(jdbc, "act_ru_task", "proc_def_id_ LIKE 'foi-request:%'", copies);
    rows += DeadlineQueriesBenchmark.copy(jdbc, "act_ru_identitylink", "task_id_ IN (" + foiTasks + ")", copies);
    rows += DeadlineQueriesBenchmark.copy(jdbc, "act_ru_authorization",
        "resource_type_ = 7 AND resource_id_ IN (" + foiTasks + ")", copies);
    rows += DeadlineQueriesBenchmark.copy(jdbc, "foi_case", "closed_on IS NULL", copies);
    load.row("copies of each open case's runtime rows and foi_case row (DeadlineQueriesBenchmark's)", seconds(start),
        rows);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_case WHERE closed_on IS NULL", Long.class)).isEqualTo(OPEN);
  }

  /**
   * Copies k = from..to of the table's original rows: every id of the case's own rows gets "-k" (an id of 36
   * characters or more, which might not fit, becomes the UUID of md5(id-k): ids of the engine's generator differ only
   * in their last characters), every date and time moves
   * back k % 28 days.
   */
  private static int copy(JdbcTemplate jdbc, String table, String originals, int from, int to) {
    List<Map<String, Object>> columns = jdbc.queryForList("SELECT column_name, data_type, character_maximum_length"
        + " FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema()"
        + " ORDER BY ordinal_position", table);
    String values = columns.stream().map(c -> {
      String column = (String) c.get("column_name");
      String type = (String) c.get("data_type");
      if (ID_COLUMNS.contains(column) || column.endsWith("_id") && !column.equals("unit_group_id")
          && !column.equals("manager_user_id") && !column.equals("message_id") && !column.equals("letter_id")) {
        // by the value alone, so an id gets the same copy wherever it is referenced
        return "CASE WHEN length(" + column + ") >= 36 THEN md5(" + column + " || '-' || g.k)::uuid::text"
            + " ELSE " + column + " || '-' || g.k END";
      }
      if (column.equals("requester_name_key") || column.equals("requester_email_key")) {
        // each copy's requesters are other people with the same names, so a requester's history stays a person's
        return column + " || ' ' || g.k";
      }
      if (column.equals("token_sha256")) {
        return "md5(" + column + " || g.k) || substr(" + column + ", 33)";
      }
      if (column.equals("intake_fingerprint") || column.equals("message_id") || column.equals("mailbox_key")) {
        return "NULL";
      }
      if (type.equals("date")) {
        return "(" + column + " - (g.k % 28))";
      }
      if (type.startsWith("timestamp")) {
        return "(" + column + " - (g.k % 28) * INTERVAL '1 day')";
      }
      return column;
    }).collect(Collectors.joining(", "));
    String names = columns.stream().map(c -> (String) c.get("column_name")).collect(Collectors.joining(", "));
    return jdbc.update("INSERT INTO " + table + " (" + names + ") SELECT " + values + " FROM " + table
        + " CROSS JOIN generate_series(" + from + ", " + to + ") AS g(k) WHERE " + originals);
  }

  /** The engine's columns that hold an id of the case's own rows (definitions, users and groups are shared). */
  private static final java.util.Set<String> ID_COLUMNS = java.util.Set.of("id_", "root_proc_inst_id_",
      "proc_inst_id_", "parent_id_", "super_exec_", "business_key_", "execution_id_", "task_id_", "parent_task_id_",
      "act_inst_id_", "parent_act_inst_id_", "bytearray_id_", "var_inst_id_", "super_process_instance_id_",
      "call_proc_inst_id_", "job_id_", "job_exception_stack_id_", "content_id_", "root_dec_inst_id_",
      "dec_inst_id_", "operation_id_", "reference", "linked_reference", "process_instance_id", "id");

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  // measuring

  private void measure(JdbcTemplate jdbc, int port) {
    this.port = port;
    FigureTable table = new FigureTable("Reads over " + CLOSED + " closed and " + OPEN + " open cases (PostgreSQL)",
        "read", "target ms", "n", "p50 ms", "p95 ms", "p99 ms");
    Random random = new Random(21);
    List<String> closed = jdbc.queryForList("SELECT reference FROM foi_case WHERE closed_on IS NOT NULL"
        + " ORDER BY md5(reference) LIMIT 1000", String.class);
    Supplier<String> anyClosed = () -> closed.get(random.nextInt(closed.size()));
    LocalDate today = LocalDate.now(LONDON);
    LocalDate quarter = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1).minusMonths(3);
    LocalDate year = LocalDate.of(today.getYear() - 1, 1, 1);
    String keyword = "cctv";
    timed(table, "statistics, last quarter (GET /api/statistics?from&to)", 100,
        () -> "/api/statistics?from=" + quarter + "&to=" + quarter.plusMonths(3).minusDays(1));
    timed(table, "statistics, last year", 100, () -> "/api/statistics?from=" + year + "&to=" + year.plusYears(1).minusDays(1));
    timed(table, "disclosure log, page one (GET /disclosure-log)", 100, () -> "/disclosure-log");
    timed(table, "disclosure log, text search (?q=" + keyword + ")", 100, () -> "/disclosure-log?q=" + keyword);
    timed(table, "disclosure log JSON feed (GET /disclosure-log.json)", 100, () -> "/disclosure-log.json");
    timed(table, "case search by requester name (a regular asker)", 200,
        () -> "/api/requests?q=" + encode("regular asker " + random.nextInt(7)));
    timed(table, "case search by keyword (" + keyword + ")", 200, () -> "/api/requests?q=" + keyword);
    timed(table, "requester history (GET /api/requests/{ref}/requester-history)", 100,
        () -> "/api/requests/" + anyClosed.get() + "/requester-history");
    timed(table, "similar requests (GET /api/requests/{ref}/similar)", 200,
        () -> "/api/requests/" + anyClosed.get() + "/similar?limit=10");
    timed(table, "a closed case's page with its timeline (GET /cases/{ref})", 100, () -> "/cases/" + anyClosed.get());
    table.note(WARM_UP + " warm-up calls, then " + SAMPLES + " timed calls per read, one client thread, over HTTP as"
        + " maya (manager) with basic auth; {ref} a closed case drawn at random from 1 000 for each call.");
    table.publish("decade-reads" + System.getProperty("bench.decade.label", ""));
  }

  private void timed(FigureTable table, String what, int targetMillis, Supplier<String> path) {
    // -Dbench.decade.reads=page measures only the reads whose name has that text (e.g. to log one read's plans)
    if (!what.contains(System.getProperty("bench.decade.reads", ""))) {
      return;
    }
    Latencies latencies = new Latencies();
    for (int i = 0; i < WARM_UP + SAMPLES; i++) {
      String asked = path.get();
      long began = System.nanoTime();
      get(asked);
      if (i >= WARM_UP) {
        latencies.add(System.nanoTime() - began);
      }
    }
    double p95 = latencies.percentileMillis(95);
    table.row(what, (p95 <= targetMillis ? "≤ " : "**> ") + targetMillis + (p95 <= targetMillis ? "" : "**"),
        latencies.count(), latencies.percentileMillis(50), p95, latencies.percentileMillis(99));
    System.out.printf("%s: p95 %.1f ms%n", what, p95);
  }

  private void get(String path) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", BasicAuthCalls.authorization("maya", "demo")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    } catch (Exception e) {
      throw new IllegalStateException(path, e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
