package org.foiflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.foiflow.clock.DeadlineStatus;
import org.foiflow.clock.StatutoryClock;
import org.foiflow.clock.UkWorkingDays;
import org.foiflow.correspondence.MailServerForTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda's own cluster model, for real: two foiflow processes (child JVMs) on one PostgreSQL, each with its
 * own engine and job executor, emailing to one SMTP server. Cases move between the nodes, timers fire once
 * across the cluster, a task completed on both nodes at once is completed once, and a node killed with
 * kill -9 in the middle of a load of casework loses nothing and sends nothing twice, and both nodes reading one FOI
 * mailbox over IMAP file each message once. docs/cluster.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesOnOnePostgresTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
  /** Node B delivers from its two officers' request threads and its outbox sweep: at most three at once. */
  private static final int IN_FLIGHT_AT_MOST = 3;
  private static final AtomicInteger SUBMISSIONS = new AtomicInteger();

  static EmbeddedPostgres postgres;
  static GreenMail smtp;
  static ClusterNode nodeA;
  static ClusterNode nodeB;
  static JdbcTemplate database;

  private final Caseworker caseworker = new Caseworker();

  record Case(String reference, String processInstanceId) {
  }

  @BeforeAll
  static void twoNodesOnOneDatabase() throws Exception {
    postgres = EmbeddedPostgresDatabase.start();
    database = new JdbcTemplate(postgres.getPostgresDatabase());
    // port 0: the server binds a free port itself (no window in which another process can take it)
    // with the FOI mailbox both nodes read over IMAP
    smtp = MailServerForTests.startedWithMailbox();
    String url = EmbeddedPostgresDatabase.jdbcUrl(postgres);
    int smtpPort = smtp.getSmtp().getPort();
    List<String> readTheMailbox = new ArrayList<>(MailServerForTests.mailboxArguments(smtp));
    // read every second; a killed node's lease passes to the other within seconds
    readTheMailbox.addAll(List.of("--foiflow.mailbox.poll-interval=PT1S", "--foiflow.mailbox.lease=PT10S"));
    // one after the other: the first node creates the engine's and foiflow's tables
    nodeA = new ClusterNode("node-a", url, smtpPort, readTheMailbox).start().awaitReady(START_TIMEOUT);
    nodeB = new ClusterNode("node-b", url, smtpPort, readTheMailbox).start().awaitReady(START_TIMEOUT);
  }

  @AfterAll
  static void stopTheCluster() throws Exception {
    for (ClusterNode node : new ClusterNode[] {nodeB, nodeA}) {
      if (node != null) {
        node.stop();
      }
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private static LocalDate today() {
    return LocalDate.now(LONDON);
  }

  private static Map<String, Object> aRequest(String requester, LocalDate receivedOn) {
    int n = SUBMISSIONS.incrementAndGet();
    return Caseworker.request(requester, receivedOn, "Please send the cluster test information, item " + n + ".");
  }

  private Case logged(ClusterNode node, Map<String, Object> request) throws IOException {
    Caseworker.Answer answer = caseworker.log(node, request);
    assertThat(answer.status()).as("logging on %s: %s", node.name(), answer.body()).isEqualTo(201);
    return new Case(answer.text("reference"), answer.text("processInstanceId"));
  }

  @Test
  @Order(1)
  void casesLoggedOnOneNodeAreWorkedToTheEndOnTheOther() throws Exception {
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ClusterNode logging = i % 2 == 0 ? nodeA : nodeB;
      ClusterNode working = logging == nodeA ? nodeB : nodeA;
      Case logged = logged(logging, aRequest("Ada Across", today()));
      cases.add(logged);

      assertThat(caseworker.status(working, logged.reference()).status()).isEqualTo(200);
      assertThat(caseworker.caseworkTask(working, logged.processInstanceId()).get("taskDefinitionKey").asText())
          .isEqualTo("Triage");
      assertThat(caseworker.nextStep(working, logged.processInstanceId())).isTrue();
      assertThat(caseworker.caseworkTask(logging, logged.processInstanceId()).get("taskDefinitionKey").asText())
          .isEqualTo("ApproveResponse");
      assertThat(caseworker.nextStep(working, logged.processInstanceId())).isTrue();
      assertThat(caseworker.caseworkTask(logging, logged.processInstanceId())).isNull();
      assertThat(caseworker.status(logging, logged.reference()).text("outcome")).isEqualTo("NOT_HELD");
    }
    assertThat(cases.stream().map(Case::reference).distinct()).hasSize(cases.size());
    lettersWereEmailedOnce(cases);
    System.out.printf("[cluster] %d cases logged on one node and worked to the end on the other%n", cases.size());
  }

  @Test
  @Order(2)
  void deadlineAlertsAreRaisedOnceAcrossBothNodes() throws Exception {
    StatutoryClock clock = new StatutoryClock(new UkWorkingDays());
    LocalDate overdue = today().minusDays(60);
    LocalDate atRisk = today();
    while (clock.status(clock.responseDue(atRisk), today(), 5, false) != DeadlineStatus.AT_RISK) {
      atRisk = atRisk.minusDays(1);
    }
    Map<String, String> expectedAlert = new HashMap<>();
    for (int i = 0; i < 8; i++) {
      boolean late = i % 2 == 0;
      Case logged = logged(i % 4 < 2 ? nodeA : nodeB, aRequest("Tim Timer", late ? overdue : atRisk));
      expectedAlert.put(logged.processInstanceId(), late ? "DeadlineBreached" : "DeadlineAtRisk");
    }

    // the watch's timers are due at once: both job executors compete for them
    await(Duration.ofSeconds(90), "an alert for every case", () -> expectedAlert.keySet().stream()
        .allMatch(id -> alerts(id, "DeadlineBreached") + alerts(id, "DeadlineAtRisk") > 0));
    await(Duration.ofSeconds(30), "no timer still due", () -> expectedAlert.keySet().stream().allMatch(id ->
        database.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE process_instance_id_ = ? AND duedate_ <= ?",
            Integer.class, id, java.sql.Timestamp.from(Instant.now().minusSeconds(1))) == 0));

    Map<String, Integer> executedBy = new HashMap<>();
    int failedAttempts = 0;
    for (Map.Entry<String, String> expected : expectedAlert.entrySet()) {
      String id = expected.getKey();
      String other = expected.getValue().equals("DeadlineBreached") ? "DeadlineAtRisk" : "DeadlineBreached";
      assertThat(alerts(id, expected.getValue())).as("%s alerts for %s", expected.getValue(), id).isEqualTo(1);
      assertThat(alerts(id, other)).isZero();
      List<String> ran = database.queryForList("SELECT hostname_ FROM act_hi_job_log WHERE process_instance_id_ = ?"
          + " AND act_id_ = 'NextDeadlineMilestone' AND job_state_ = 2", String.class, id);
      assertThat(ran).as("successful runs of the deadline timer of %s", id).hasSize(1);
      executedBy.merge(ran.get(0), 1, Integer::sum);
      failedAttempts += database.queryForObject("SELECT COUNT(*) FROM act_hi_job_log WHERE process_instance_id_ = ?"
          + " AND job_state_ = 1", Integer.class, id);
    }
    assertThat(executedBy.keySet()).isSubsetOf("node-a", "node-b");
    System.out.printf("[cluster] %d deadline timers, each fired once: by node %s; failed attempts retried: %d%n",
        expectedAlert.size(), executedBy, failedAttempts);
  }

  private int alerts(String processInstanceId, String alert) {
    return database.queryForObject("SELECT COUNT(*) FROM act_hi_taskinst WHERE proc_inst_id_ = ? AND task_def_key_ = ?",
        Integer.class, processInstanceId, alert);
  }

  @Test
  @Order(3)
  void theSameTaskCompletedOnBothNodesAtOnceIsCompletedOnceAndTheOtherIsToldOfTheConflict() throws Exception {
    Map<Integer, Integer> losers = new HashMap<>();
    List<Case> cases = new ArrayList<>();
    for (int round = 0; round < 6; round++) {
      Case logged = logged(nodeA, aRequest("Connie Current", today()));
      cases.add(logged);
      caseworker.nextStep(nodeB, logged.processInstanceId());
      String approval = caseworker.caseworkTask(nodeA, logged.processInstanceId()).get("id").asText();

      CountDownLatch go = new CountDownLatch(1);
      CompletableFuture<Caseworker.Answer> onA = CompletableFuture.supplyAsync(() -> completeAfter(go, nodeA,
          Caseworker.APPROVER, approval));
      CompletableFuture<Caseworker.Answer> onB = CompletableFuture.supplyAsync(() -> completeAfter(go, nodeB,
          Caseworker.SECOND_APPROVER, approval));
      go.countDown();
      List<Caseworker.Answer> answers = List.of(onA.get(), onB.get());

      assertThat(answers).filteredOn(answer -> answer.status() == 204).as("successes").hasSize(1);
      Caseworker.Answer loser = answers.stream().filter(answer -> answer.status() != 204).findFirst().orElseThrow();
      assertThat(loser.status()).as("the loser's answer: %s", loser.body()).isIn(409, 404);
      if (loser.status() == 409) {
        assertThat(loser.text("title")).isEqualTo("Conflict");
        assertThat(loser.text("detail")).contains("changed by someone else at the same moment");
      } else {
        assertThat(loser.text("title")).isEqualTo("Not Found");
      }
      losers.merge(loser.status(), 1, Integer::sum);

      assertThat(caseworker.caseworkTask(nodeB, logged.processInstanceId())).isNull();
      assertThat(caseworker.status(nodeB, logged.reference()).text("outcome")).isEqualTo("NOT_HELD");
    }
    lettersWereEmailedOnce(cases);
    System.out.printf("[cluster] %d approvals completed on both nodes at once: one success each; the other got %s%n",
        cases.size(), losers);
  }

  private Caseworker.Answer completeAfter(CountDownLatch go, ClusterNode node, String user, String taskId) {
    try {
      go.await();
      return caseworker.complete(node, user, taskId, Caseworker.approved());
    } catch (Exception failed) {
      throw new IllegalStateException(failed);
    }
  }

  @Test
  @Order(4)
  void aNodeKilledMidLoadLosesNoCaseOrTaskAndSendsNoLetterTwice() throws Exception {
    List<Case> accepted = Collections.synchronizedList(new ArrayList<>());
    Map<Case, String> acceptedOn = new ConcurrentHashMap<>();
    List<Map<String, Object>> unanswered = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger acceptedOnVictim = new AtomicInteger();
    AtomicInteger stepsBrokenOff = new AtomicInteger();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());

    // two officers working on node B (the one to be killed), one on node A
    List<Thread> workers = new ArrayList<>();
    for (ClusterNode node : List.of(nodeB, nodeB, nodeA)) {
      int quota = node == nodeA ? 12 : 30;
      Thread worker = new Thread(() -> {
        try {
        for (int i = 0; i < quota; i++) {
          Map<String, Object> request = aRequest("Kit Crash", today());
          Caseworker.Answer answer;
          try {
            answer = caseworker.log(node, request);
          } catch (IOException nodeDied) {
            unanswered.add(request);
            return;
          }
          if (answer.status() != 201) {
            throw new IllegalStateException("logging answered " + answer.status() + ": " + answer.body());
          }
          Case logged = new Case(answer.text("reference"), answer.text("processInstanceId"));
          accepted.add(logged);
          acceptedOn.put(logged, node.name());
          if (node == nodeB) {
            acceptedOnVictim.incrementAndGet();
          }
          try {
            caseworker.nextStep(node, logged.processInstanceId());
            caseworker.nextStep(node, logged.processInstanceId());
          } catch (IOException nodeDied) {
            stepsBrokenOff.incrementAndGet();
            return;
          }
        }
        } catch (RuntimeException | Error unexpected) {
          failures.add(unexpected);
        }
      }, "casework-" + node.name());
      workers.add(worker);
      worker.start();
    }

    await(Duration.ofSeconds(120), "node B to accept 12 cases", () -> acceptedOnVictim.get() >= 12);
    Thread.sleep(ThreadLocalRandom.current().nextInt(50, 400));
    nodeB.kill();
    int acceptedBeforeKill = accepted.size();
    for (Thread worker : workers) {
      worker.join(Duration.ofSeconds(120).toMillis());
      assertThat(worker.isAlive()).isFalse();
    }
    assertThat(failures).as("casework answered with an error other than the node's death").isEmpty();
    nodeB.start().awaitReady(START_TIMEOUT);

    // a request whose answer was lost in the kill: sent again, it is either logged now or refused as a duplicate
    int loggedBeforeTheKillAfterAll = 0;
    for (Map<String, Object> request : unanswered) {
      Caseworker.Answer again = caseworker.log(nodeB, request);
      assertThat(again.status()).as("sent again: %s", again.body()).isIn(201, 409);
      if (again.status() == 409) {
        loggedBeforeTheKillAfterAll++;
        String reference = again.text("reference");
        accepted.add(new Case(reference, caseworker.status(nodeB, reference).text("processInstanceId")));
      } else {
        accepted.add(new Case(again.text("reference"), again.text("processInstanceId")));
      }
    }

    int survivors = 0;
    for (Case logged : accepted) {
      Caseworker.Answer status = caseworker.status(nodeB, logged.reference());
      assertThat(status.status()).as("case %s after the restart", logged.reference()).isEqualTo(200);
      survivors++;
      // every case that is still open has exactly one task to work, on either node
      ClusterNode node = nodeA;
      for (int step = 0; step < 4 && caseworker.nextStep(node, logged.processInstanceId()); step++) {
        node = node == nodeA ? nodeB : nodeA;
      }
      assertThat(caseworker.status(nodeA, logged.reference()).text("outcome")).as("outcome of %s", logged.reference())
          .isEqualTo("NOT_HELD");
    }
    assertThat(accepted.stream().map(Case::reference).distinct()).hasSize(accepted.size());
    lettersWereEmailedOnce(accepted);
    caseIndexMatchesTheEngineWithNoGapInTheReferences();

    System.out.printf("[cluster] kill -9 of node B after %d cases were accepted (%d on B); requests cut off: %d logging, "
            + "%d casework steps; after the restart %d of %d cases there, all completed; %d letters, each emailed (see above for any cut by the kill)%n",
        acceptedBeforeKill, acceptedOnVictim.get(), unanswered.size(), stepsBrokenOff.get(), survivors, accepted.size(),
        accepted.size() * 2);
    System.out.printf("[cluster] of the requests cut off by the kill, %d had been logged before it%n",
        loggedBeforeTheKillAfterAll);
  }

  @Test
  @Order(5)
  void bothNodesReadingOneMailboxFileEachOf200MessagesOnce() throws Exception {
    int messages = 200;
    for (int i = 1; i <= messages; i++) {
      MailServerForTests.sendRaw(smtp, ("Message-ID: <cluster-" + i + "@example.org>\r\n"
          + "From: requester-" + i + "@example.org\r\nTo: " + MailServerForTests.FOI_MAILBOX + "\r\n"
          + "Subject: Cluster message " + i + "\r\n\r\nPlease send me item " + i + ".\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    await(Duration.ofSeconds(180), "the mailbox read to its end", () -> database.queryForObject(
        "SELECT COUNT(*) FROM foi_mailbox_state WHERE last_uid >= ?", Integer.class, messages) == 1);

    assertThat(database.queryForObject("SELECT COUNT(*) FROM foi_correspondence", Integer.class)).isEqualTo(messages);
    assertThat(database.queryForObject("SELECT COUNT(DISTINCT message_id) FROM foi_correspondence"
        + " WHERE message_id LIKE '<cluster-%'", Integer.class)).isEqualTo(messages);
    assertThat(database.queryForObject("SELECT COUNT(*) FROM act_hi_procinst"
        + " WHERE proc_def_key_ = 'incoming-correspondence'", Integer.class)).isEqualTo(messages);
    // each row's process is its own, and names the row
    assertThat(database.queryForObject("SELECT COUNT(*) FROM foi_correspondence c JOIN act_hi_varinst v"
        + " ON v.proc_inst_id_ = c.process_instance_id AND v.name_ = 'correspondenceId' AND v.text_ = c.id",
        Integer.class)).isEqualTo(messages);
    System.out.println("[cluster] mailbox: " + database.queryForList("SELECT leased_by, last_uid FROM foi_mailbox_state"));
  }

  /** Every case the engine has is in the case index once, and no registration cut off by the kill used up a number. */
  private void caseIndexMatchesTheEngineWithNoGapInTheReferences() {
    assertThat(database.queryForObject("SELECT COUNT(*) FROM foi_case", Integer.class))
        .isEqualTo(database.queryForObject("SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = 'foi-request'",
            Integer.class));
    Map<String, List<Integer>> numbersByYear = new HashMap<>();
    for (String reference : database.queryForList("SELECT reference FROM foi_case", String.class)) {
      numbersByYear.computeIfAbsent(reference.substring(4, 8), year -> new ArrayList<>())
          .add(Integer.parseInt(reference.substring(9)));
    }
    numbersByYear.forEach((year, numbers) -> assertThat(numbers).as("references of %s", year)
        .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, numbers.size()).boxed().toList()));
  }

  /**
   * Each case has its two letters (acknowledgement, not-held response), each sent by email, and the SMTP
   * server received each exactly once; no email names a letter that no case has.
   */
  private void lettersWereEmailedOnce(List<Case> cases) throws Exception {
    await(Duration.ofSeconds(60), "every queued letter emailed", () -> database.queryForObject(
        "SELECT COUNT(*) FROM foi_letter_dispatch WHERE sent_at IS NULL", Integer.class) == 0);
    Map<String, Integer> received = new HashMap<>();
    List<String> interruptedDeliveries = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      received.merge(messageId(message), 1, Integer::sum);
    }
    for (Case logged : cases) {
      List<JsonNode> letters = caseworker.letters(nodeA, logged.reference());
      assertThat(letters).as("letters of %s", logged.reference()).hasSize(2);
      for (JsonNode letter : letters) {
        assertThat(letter.get("channel").asText()).isEqualTo("EMAIL");
        String id = "<" + letter.get("id").asText() + "." + logged.processInstanceId() + "@foiflow>";
        Integer attempts = database.queryForObject("SELECT attempts FROM foi_letter_dispatch"
            + " WHERE process_instance_id = ? AND letter_id = ?", Integer.class, logged.processInstanceId(),
            letter.get("id").asText());
        if (attempts != null && attempts > 1 && Integer.valueOf(2).equals(received.get(id))) {
          // SMTP cannot be exactly-once across a crash: the killed node had handed this letter to the server
          // but not yet recorded it. The retry carries the same Message-ID, by which mail systems drop it.
          interruptedDeliveries.add(logged.reference() + " " + letter.get("type").asText());
        } else {
          assertThat(received.get(id)).as("emails of %s %s (%s attempts)", logged.reference(), letter.get("type"),
              attempts).isEqualTo(1);
        }
      }
    }
    System.out.println("[cluster] letters emailed twice because their delivery was cut by the kill (same Message-ID): "
        + interruptedDeliveries);
    assertThat(interruptedDeliveries).as("deliveries in flight on the killed node").hasSizeLessThanOrEqualTo(IN_FLIGHT_AT_MOST);
    for (String id : received.keySet()) {
      String processInstanceId = id.substring(id.indexOf('.') + 1, id.indexOf('@'));
      assertThat(database.queryForObject("SELECT COUNT(*) FROM act_hi_procinst WHERE proc_inst_id_ = ?", Integer.class,
          processInstanceId)).as("the case of email %s", id).isEqualTo(1);
    }
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException unreadable) {
      throw new IllegalStateException(unreadable);
    }
  }

  private static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
    Instant until = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("waited " + timeout + " for " + what);
      }
      Thread.sleep(200);
    }
  }
}
