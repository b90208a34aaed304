package org.foiflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.search.SearchText;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case search (GET /api/requests) over 100 000 cases, on the embedded default (H2 file) and on PostgreSQL.
 *
 * <p>Loading: the whole application starts on an empty database (migrations, demo users), then 100 000 foi_case rows
 * are inserted directly, as registration and closure would leave them: requesters from a list of names (accents
 * included), subjects and request texts of words from a vocabulary, received over the last three years, four in
 * five closed with an outcome. One of them is "Priya Sharmá", received last month, among many Priyas and Sharmas.
 * Measured: GET /api/requests over HTTP as maya (basic auth, the real filter chain), one client thread.
 */
class CaseSearchBenchmark {

  private static final int CASES = Integer.getInteger("bench.search.cases", 100_000);
  private static final int WARM_UP = Integer.getInteger("bench.search.warmUp", 10);
  private static final int SAMPLES = Integer.getInteger("bench.search.samples", 100);
  /** h2, postgresql or both (the default): one database alone when a change concerns only it. */
  private static final String DATABASES = System.getProperty("bench.search.databases", "h2,postgresql");

  private static final String[] FIRST = {"Priya", "Amit", "Sarah", "James", "Zoë", "Chloé", "Oliver", "Fatima",
      "Mohammed", "Emily", "Seán", "Aoife", "Daniel", "Grace", "Tomás", "Hannah", "Ravi", "Lucy", "Jack", "Isla"};
  private static final String[] LAST = {"Sharma", "Smith", "Jones", "Patel", "Williams", "Brown", "Ó Briain",
      "Taylor", "Davies", "Evans", "Khan", "Müller", "Wilson", "Thomas", "Roberts", "Walker", "Wright", "Hughes",
      "Green", "Hall", "Lewis", "Clarke", "Jackson", "Wood", "Singh", "Begum", "Ali", "Edwards", "Turner", "Hill"};
  private static final String[] SUBJECTS = {"CCTV policy", "Pothole repairs", "Council tax arrears", "Parking fines",
      "Planning application", "Bin collections", "School admissions", "Social housing waiting list",
      "Consultancy spend", "Street lighting", "Air quality monitoring", "Staff salaries", "Grass cutting contract",
      "Library closures", "Road gritting", "Tree preservation orders", "Fly-tipping", "Licensing decisions"};
  private static final String[] OUTCOMES = {"GRANTED_IN_FULL", "GRANTED_IN_PART", "WITHHELD_IN_FULL", "NOT_HELD",
      "REFUSED_S12", "LAPSED"};

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void caseSearchOver100000CasesOnH2AndPostgres() throws Exception {
    List<Object[]> rows = new ArrayList<>();
    if (DATABASES.contains("h2")) {
      Path h2 = Path.of("target", "benchmarks", "search-h2");
      Files.createDirectories(h2.getParent());
      Files.deleteIfExists(Path.of(h2 + ".mv.db"));
      measure("H2 file", "jdbc:h2:file:" + h2.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "", rows);
    }
    if (DATABASES.contains("postgresql")) {
      try (BenchPostgres postgres = BenchPostgres.start(false)) {
        measure("PostgreSQL " + postgres.version().split(" ")[0], postgres.createDatabase("foiflow"), "postgres",
            "postgres", rows);
      }
    }
    FigureTable table = new FigureTable("Case search, " + CASES + " cases (GET /api/requests as maya)",
        "database", "search", "total", "n", "p50 ms", "p95 ms", "p99 ms");
    rows.forEach(table::row);
    table.note(WARM_UP + " warm-up calls, then " + SAMPLES + " timed calls per search, one client thread, over HTTP"
        + " with basic auth. Page size 20 unless given.");
    table.publish("case-search");
  }

  private void measure(String database, String url, String user, String password, List<Object[]> rows)
      throws Exception {
    ConfigurableApplicationContext app = FoiflowNode.start(url, user, password,
        "--camunda.bpm.job-execution.enabled=false");
    try {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
      long start = System.nanoTime();
      boolean h2 = database.startsWith("H2");
      String priya = load(jdbc, today, h2);
      jdbc.execute(database.startsWith("H2") ? "ANALYZE" : "VACUUM ANALYZE");
      rows.add(new Object[] {database, "(loading " + CASES + " rows, seconds)", "", "",
          (System.nanoTime() - start) / 1e9, "", ""});
      LocalDate lastMonth = today.minusMonths(1);
      String monthRange = "&receivedFrom=" + lastMonth.withDayOfMonth(1) + "&receivedTo="
          + lastMonth.withDayOfMonth(lastMonth.lengthOfMonth());
      int port = FoiflowNode.port(app);
      for (String[] search : new String[][] {
          {"Priya Sharma last month (the issue's example)", "q=" + encode("priya sharma") + monthRange},
          {"priya sharma, all time", "q=" + encode("priya sharma")},
          {"a requester's email", "q=" + encode("priya.sharma@example.org")},
          {"a reference", "q=" + priya},
          {"one common word (policy)", "q=policy"},
          {"a rare word of the request text", "q=gazebo"},
          {"a word's start (grit)", "q=grit"},
          {"open cases, newest first (no words)", "status=open"},
          {"closed, NOT_HELD, last year", "status=closed&outcome=NOT_HELD&receivedFrom=" + today.minusYears(1)},
          {"sharma, page 10 of 100 a page", "q=sharma&size=100&page=10"}}) {
        JsonNode[] answer = new JsonNode[1];
        Latencies latencies = new Latencies();
        for (int i = 0; i < WARM_UP + SAMPLES; i++) {
          long began = System.nanoTime();
          answer[0] = search(port, search[1]);
          if (i >= WARM_UP) {
            latencies.add(System.nanoTime() - began);
          }
        }
        long total = answer[0].get("total").asLong();
        if (search[0].startsWith("Priya Sharma last month") || search[0].startsWith("a reference")) {
          assertThat(answer[0].get("items").findValuesAsText("reference")).as(search[0]).contains(priya);
        }
        assertThat(total).as(search[0]).isPositive();
        rows.add(new Object[] {database, search[0], total, latencies.count(), latencies.percentileMillis(50),
            latencies.percentileMillis(95), latencies.percentileMillis(99)});
      }
    } finally {
      app.close();
    }
  }

  /** Inserts the cases; answers the reference of Priya Sharmá's request of last month. */
  private static String load(JdbcTemplate jdbc, LocalDate today, boolean h2) {
    Random random = new Random(15);
    String[] vocabulary = vocabulary(random);
    List<Object[]> batch = new ArrayList<>();
    List<Object[]> words = new ArrayList<>();
    String priya = null;
    for (int n = 0; n < CASES; n++) {
      boolean isPriya = n == CASES / 2;
      LocalDate received = isPriya ? today.minusMonths(1) : today.minusDays(random.nextInt(3 * 365));
      String reference = String.format("FOI-%d-%06d", received.getYear(), n);
      String name = isPriya ? "Priya Sharmá" : FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
      String email = SearchText.of(name).strip().replace(' ', '.') + "@example.org";
      String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
      StringBuilder text = new StringBuilder("Please send me ").append(subject.toLowerCase()).append(" records:");
      for (int w = 0; w < 40 + random.nextInt(60); w++) {
        text.append(' ').append(vocabulary[(int) Math.abs(random.nextGaussian() * vocabulary.length / 4) % vocabulary.length]);
      }
      boolean closed = !isPriya && received.isBefore(today.minusDays(30)) && random.nextInt(10) < 9;
      LocalDate due = received.plusDays(28);
      String searchText = SearchText.of(reference, name, email, subject, text.toString());
      batch.add(new Object[] {reference, "bench-" + n, "FOIA", "EMAIL", Date.valueOf(received), Date.valueOf(due),
          closed ? "STOPPED" : "RUNNING", closed ? null : "Triage", closed ? OUTCOMES[random.nextInt(OUTCOMES.length)] : null,
          closed ? Date.valueOf(due.minusDays(2)) : null, name, subject, searchText});
      if (h2) {
        // H2's word table (db/vendor/h2/V3_1), as org.foiflow.search.SearchWords keeps it (bench words are short)
        SearchText.words(searchText).forEach(word -> words.add(new Object[] {word.intern(), reference}));
      }
      if (isPriya) {
        priya = reference;
      }
      if (batch.size() == 1000 || n == CASES - 1) {
        jdbc.batchUpdate("INSERT INTO foi_case (reference, process_instance_id, regime, channel, received_on, due_on,"
            + " clock, stage, outcome, closed_on, requester_name, subject, search_text)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
        batch.clear();
      }
    }
    // in key order, after the cases: appended to the word table's index, not scattered through it (6 million
    // rows in random order took H2 over 15 minutes)
    words.sort(Comparator.comparing((Object[] row) -> (String) row[0]).thenComparing(row -> (String) row[1]));
    for (int from = 0; from < words.size(); from += 10_000) {
      jdbc.batchUpdate("INSERT INTO foi_case_word (word, reference) VALUES (?, ?)",
          words.subList(from, Math.min(words.size(), from + 10_000)));
    }
    return priya;
  }

  /** 3 000 words, mostly made up; the first are the commonest, and one real word is rare (gazebo). */
  private static String[] vocabulary(Random random) {
    List<String> words = new ArrayList<>(List.of("policy", "council", "contract", "spend", "road", "gritting",
        "report", "minutes", "meeting", "budget", "survey", "complaint", "officer", "email", "correspondence"));
    while (words.size() < 3000) {
      StringBuilder word = new StringBuilder();
      for (int i = 0; i < 4 + random.nextInt(6); i++) {
        word.append((char) ('a' + random.nextInt(26)));
      }
      words.add(word.toString());
    }
    // picked by |gaussian| * size / 4: near index 2250 a word turns up in about 1 case in 1 000
    words.set(2250, "gazebo");
    return words.toArray(String[]::new);
  }

  private JsonNode search(int port, String parameters) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/api/requests?" + parameters))
          .header("Authorization", BasicAuthCalls.authorization("maya", "demo")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(parameters + ": " + response.body()).isEqualTo(200);
      return json.readTree(response.body());
    } catch (Exception e) {
      throw new IllegalStateException(parameters, e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
