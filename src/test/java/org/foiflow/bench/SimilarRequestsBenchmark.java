package org.foiflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.requesters.RequesterHistory;
import org.foiflow.similarity.RequestTestSet;
import org.foiflow.similarity.SimilarRequests;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Similar requests and requester history at 100 000 cases on PostgreSQL (production's database), and the
 * similarity engine against PostgreSQL's own full-text search (ts_rank over an OR tsquery of the request's lexemes,
 * 'english' configuration, GIN index) on the same cases.
 *
 * <p>Loading: the application starts on an empty database, then bench.similar.cases foi_case rows are inserted
 * directly with their terms (as registration leaves them): each request is a request of the test set
 * (similarity/requests.psv) with a quarter of its words swapped for words of the test set's vocabulary, some words
 * dropped and the year changed; a third of the requesters ask more than once. The test set itself is then added,
 * so its rewordings must find their originals among all the others. Measured, one client thread: the Java call
 * SimilarRequests.similarTo(reference, 10), GET /api/requests/{reference}/similar as maya over HTTP,
 * RequesterHistory.of, and the full-text search.
 */
class SimilarRequestsBenchmark {

  private static final int CASES = Integer.getInteger("bench.similar.cases", 100_000);
  private static final int WARM_UP = Integer.getInteger("bench.similar.warmUp", 10);
  private static final int SAMPLES = Integer.getInteger("bench.similar.samples", 100);
  private static final String[] OUTCOMES = {"GRANTED_IN_FULL", "GRANTED_IN_PART", "WITHHELD_IN_FULL", "NOT_HELD",
      "REFUSED_S12", "LAPSED"};

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void similarRequestsAndRequesterHistoryOver100000CasesOnPostgres() throws Exception {
    List<Object[]> rows = new ArrayList<>();
    try (BenchPostgres postgres = BenchPostgres.start(false)) {
      ConfigurableApplicationContext app = FoiflowNode.start(postgres.createDatabase("foiflow"), "postgres",
          "postgres", "--camunda.bpm.job-execution.enabled=false");
      try {
        measure(app, "PostgreSQL " + postgres.version().split(" ")[0], rows);
      } finally {
        app.close();
      }
    }
    FigureTable table = new FigureTable("Similar requests and requester history, " + CASES + " cases",
        "database", "what", "n", "p50 ms", "p95 ms", "p99 ms", "precision@1", "MRR");
    rows.forEach(table::row);
    table.note(WARM_UP + " warm-up calls, then " + SAMPLES + " timed calls, one client thread; each call for another"
        + " case. precision@1 and MRR: the test set's rewordings finding their originals among all the cases.");
    table.publish("similar-requests");
  }

  private void measure(ConfigurableApplicationContext app, String database, List<Object[]> rows) throws Exception {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    SimilarRequests similar = app.getBean(SimilarRequests.class);
    RequesterHistory history = app.getBean(RequesterHistory.class);
    Map<String, RequestTestSet.Row> testSet = RequestTestSet.rows();
    jdbc.execute("CREATE TABLE bench_request_fts (reference VARCHAR(20) PRIMARY KEY, words TSVECTOR NOT NULL)");
    long start = System.nanoTime();
    Random random = new Random(19);
    Map<String, String> references = load(jdbc, testSet, random);
    jdbc.execute("CREATE INDEX bench_request_fts_words ON bench_request_fts USING GIN (words)");
    jdbc.execute("VACUUM ANALYZE");
    rows.add(new Object[] {database, "(loading " + CASES + " cases, seconds)", "", (System.nanoTime() - start) / 1e9,
        "", "", "", ""});

    // quality among all the cases: each rewording's original, by our engine and by PostgreSQL's full-text search
    List<RequestTestSet.Row> rewordings = testSet.values().stream().filter(row -> row.rewords() != null).toList();
    double[] ours = {0, 0};
    double[] fts = {0, 0};
    for (RequestTestSet.Row rewording : rewordings) {
      String reference = references.get(rewording.id());
      String original = references.get(rewording.rewords());
      rank(similar.similarTo(reference, 10).stream().map(SimilarRequests.Similar::reference).toList(), original, ours);
      rank(fullText(jdbc, reference), original, fts);
    }
    int n = rewordings.size();
    List<String> sampled = new ArrayList<>(references.values());
    List<String> bench = jdbc.queryForList("SELECT reference FROM foi_case WHERE process_instance_id LIKE 'bench-%'"
        + " ORDER BY reference", String.class);
    int port = FoiflowNode.port(app);
    Supplier<String> anyCase = () -> random.nextInt(4) == 0 ? sampled.get(random.nextInt(sampled.size()))
        : bench.get(random.nextInt(bench.size()));
    rows.add(timed(database, "SimilarRequests.similarTo(reference, 10), Java", anyCase,
        reference -> assertThat(similar.similarTo(reference, 10)).hasSizeLessThanOrEqualTo(10),
        ours[0] / n, ours[1] / n));
    rows.add(timed(database, "GET /api/requests/{reference}/similar, HTTP as maya", anyCase,
        reference -> assertThat(similarOverHttp(port, reference)).isEqualTo(200), null, null));
    rows.add(timed(database, "full-text search: ts_rank, OR of the request's lexemes ('english')", anyCase,
        reference -> fullText(jdbc, reference), fts[0] / n, fts[1] / n));
    rows.add(timed(database, "RequesterHistory.of(reference), Java", anyCase,
        reference -> assertThat(history.of(reference)).hasSizeLessThanOrEqualTo(100), null, null));
  }

  private static void rank(List<String> found, String original, double[] sums) {
    int rank = found.indexOf(original) + 1;
    sums[0] += rank == 1 ? 1 : 0;
    sums[1] += rank == 0 ? 0 : 1.0 / rank;
  }

  /** PostgreSQL's full-text search as an engine for similar requests: the request's lexemes OR-ed, ranked. */
  private static List<String> fullText(JdbcTemplate jdbc, String reference) {
    return jdbc.queryForList("SELECT other.reference FROM bench_request_fts self, bench_request_fts other,"
        + " to_tsquery('english', array_to_string(tsvector_to_array(self.words), ' | ')) query"
        + " WHERE self.reference = ? AND other.words @@ query AND other.reference <> self.reference"
        + " ORDER BY ts_rank(other.words, query) DESC, other.reference DESC LIMIT 10", String.class, reference);
  }

  private Object[] timed(String database, String what, Supplier<String> reference,
                         java.util.function.Consumer<String> call, Double precision, Double mrr) {
    Latencies latencies = new Latencies();
    for (int i = 0; i < WARM_UP + SAMPLES; i++) {
      String asked = reference.get();
      long began = System.nanoTime();
      call.accept(asked);
      if (i >= WARM_UP) {
        latencies.add(System.nanoTime() - began);
      }
    }
    return new Object[] {database, what, latencies.count(), latencies.percentileMillis(50),
        latencies.percentileMillis(95), latencies.percentileMillis(99),
        precision == null ? "" : String.format("%.2f", precision), mrr == null ? "" : String.format("%.3f", mrr)};
  }

  private int similarOverHttp(int port, String reference) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/requests/" + reference
              + "/similar?limit=10")).header("Authorization", BasicAuthCalls.authorization("maya", "demo")).GET()
          .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Inserts the cases, then the test set's; answers the test set's references by id. */
  private static Map<String, String> load(JdbcTemplate jdbc, Map<String, RequestTestSet.Row> testSet, Random random) {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    List<RequestTestSet.Row> originals = testSet.values().stream().filter(row -> row.rewords() == null).toList();
    String[] vocabulary = testSet.values().stream().flatMap(row -> Arrays.stream(row.text().split("[^A-Za-z0-9&]+")))
        .filter(word -> word.length() > 2).distinct().toArray(String[]::new);
    Loader loader = new Loader(jdbc);
    int requesters = Math.max(10, CASES / 3);
    for (int n = 0; n < CASES; n++) {
      String[] words = originals.get(random.nextInt(originals.size())).text().split(" ");
      StringBuilder text = new StringBuilder();
      for (String word : words) {
        int change = random.nextInt(20);
        if (change < 2) {
          continue;
        }
        text.append(change < 7 ? vocabulary[random.nextInt(vocabulary.length)]
            : word.matches("20\\d\\d.?") ? String.valueOf(2015 + random.nextInt(11)) : word).append(' ');
      }
      // a third of the cases come from 1 in 30 of the requesters: repeat requesters
      int requester = random.nextInt(3) == 0 ? random.nextInt(Math.max(1, requesters / 30)) : random.nextInt(requesters);
      LocalDate received = today.minusDays(random.nextInt(3 * 365));
      loader.add(String.format("FOI-%d-%06d", received.getYear(), n), "bench-" + n, received, requester,
          text.toString(), random);
    }
    Map<String, String> references = new HashMap<>();
    int n = 0;
    for (RequestTestSet.Row row : testSet.values()) {
      String reference = String.format("FOI-2025-9%05d", n);
      loader.add(reference, "set-" + n++, today.minusDays(10), 1_000_000 + n, row.text(), random);
      references.put(row.id(), reference);
    }
    loader.flush();
    return references;
  }

  /** Batches of cases with their terms and their full-text words. */
  private static final class Loader {

    private final JdbcTemplate jdbc;
    private final List<Object[]> cases = new ArrayList<>();
    private final List<Object[]> terms = new ArrayList<>();
    private final List<Object[]> texts = new ArrayList<>();

    Loader(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    void add(String reference, String instance, LocalDate received, int requester, String text, Random random) {
      LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
      boolean closed = received.isBefore(today.minusDays(30)) && random.nextInt(10) < 9;
      LocalDate due = received.plusDays(28);
      cases.add(new Object[] {reference, instance, "FOIA", "EMAIL", Date.valueOf(received), Date.valueOf(due),
          closed ? "STOPPED" : "RUNNING", closed ? null : "Triage", closed ? OUTCOMES[random.nextInt(OUTCOMES.length)]
          : null, closed ? Date.valueOf(due.minusDays(2)) : null, "Requester " + requester, "Subject",
          " " + reference.toLowerCase() + " ", "requester" + requester + "@example.org", "requester " + requester});
      Set<String> distinct = new LinkedHashSet<>(SimilarRequests.terms(text));
      distinct.forEach(term -> terms.add(new Object[] {term, reference}));
      texts.add(new Object[] {reference, text});
      if (cases.size() == 1000) {
        flush();
      }
    }

    void flush() {
      jdbc.batchUpdate("INSERT INTO foi_case (reference, process_instance_id, regime, channel, received_on, due_on,"
          + " clock, stage, outcome, closed_on, requester_name, subject, search_text, requester_email_key,"
          + " requester_name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cases);
      jdbc.batchUpdate("INSERT INTO foi_case_term (term, reference) VALUES (?, ?)", terms);
      jdbc.batchUpdate("INSERT INTO bench_request_fts (reference, words) VALUES (?, to_tsvector('english', ?))",
          texts);
      cases.clear();
      terms.clear();
      texts.clear();
    }
  }
}
