package org.foiflow.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.foiflow.casefile.ClockSettings;
import org.foiflow.correspondence.MailServerForTests;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The FOI mailbox read for real: messages sent over SMTP to GreenMail's FOI mailbox are read by the poller over
 * IMAP and filed once each, to their case or to the holding pen with the reason. The tests poll themselves (the
 * schedule's interval is an hour).
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class MailboxPollerTest {

  static final GreenMail mail = MailServerForTests.startedWithMailbox();
  /** Small, so an oversized message is cheap to send. */
  static final int MAX_MESSAGE_SIZE_KB = 64;

  @AfterAll
  static void stopMailServer() {
    mail.stop();
  }

  @DynamicPropertySource
  static void mailbox(DynamicPropertyRegistry properties) {
    MailServerForTests.readFrom(mail, properties);
    properties.add("foiflow.mailbox.poll-interval", () -> "PT1H");
    properties.add("foiflow.mailbox.max-message-size", () -> MAX_MESSAGE_SIZE_KB + "KB");
  }

  @Autowired
  MailboxPoller poller;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void everythingEarlierIsFiled() {
    poller.poll();
  }

  private static String messageId() {
    return "<" + UUID.randomUUID() + "@example.org>";
  }

  /** A plain email as a requester's mail client sends it; extra headers (In-Reply-To ...) go before the subject. */
  private static byte[] email(String messageId, String subject, String extraHeaders, String text) {
    return ("Message-ID: " + messageId + "\r\n"
        + "From: \"Robin Requester\" <robin@example.org>\r\n"
        + "To: " + MailServerForTests.FOI_MAILBOX + "\r\n"
        + extraHeaders
        + "Subject: " + subject + "\r\n"
        + "Date: Tue, 1 Dec 2026 09:30:00 +0000\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n"
        + "\r\n" + text.replace("\n", "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void send(byte[] raw) {
    MailServerForTests.sendRaw(mail, raw);
  }

  private Map<String, Object> row(String messageId) {
    return jdbc.queryForMap("SELECT * FROM foi_correspondence WHERE message_id = ?", messageId);
  }

  private int rows(String messageId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM foi_correspondence WHERE message_id = ?", Integer.class, messageId);
  }

  private ProcessInstance processOf(Map<String, Object> row) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId((String) row.get("process_instance_id")).singleResult();
  }

  private Object variable(Map<String, Object> row, CorrespondenceVariable variable) {
    return engine.getRuntimeService().getVariable((String) row.get("process_instance_id"), variable.key());
  }

  private String aCase() {
    return FoiCase.logged(engine, FoiCase.aRequest("Robin Requester", LocalDate.of(2026, 11, 2))).reference();
  }

  @Test
  void aReplyWhoseSubjectNamesACaseIsFiledToThatCase() {
    String reference = aCase();
    String id = messageId();
    send(email(id, "Re: " + reference + " Your request", "", "I mean the licences issued in 2025."));

    assertThat(poller.poll()).isEqualTo(1);

    Map<String, Object> row = row(id);
    assertThat(row).containsEntry("status", "FILED").containsEntry("reference", reference)
        .containsEntry("from_address", "robin@example.org").containsEntry("reason", null);
    assertThat(row.get("raw_message")).isNotNull();
    ProcessInstance process = processOf(row);
    assertThat(process.getProcessDefinitionId()).startsWith(MailFiling.PROCESS_KEY + ":");
    assertThat(process.getBusinessKey()).isEqualTo(reference);
    assertThat(variable(row, CorrespondenceVariable.CASE_REFERENCE)).isEqualTo(reference);
    assertThat(variable(row, CorrespondenceVariable.CORRESPONDENCE_ID)).isEqualTo(row.get("id"));
    assertThat(variable(row, CorrespondenceVariable.HOLDING_REASON)).isNull();
    assertThat(variable(row, CorrespondenceVariable.CORRESPONDENCE_FROM)).isEqualTo("Robin Requester <robin@example.org>");
    assertThat(variable(row, CorrespondenceVariable.CORRESPONDENCE_SUBJECT)).isEqualTo("Re: " + reference + " Your request");
    assertThat(variable(row, CorrespondenceVariable.CORRESPONDENCE_TEXT)).isEqualTo("I mean the licences issued in 2025.");
    assertThat(variable(row, CorrespondenceVariable.CORRESPONDENCE_RECEIVED_ON))
        .isEqualTo(LocalDate.now(java.time.ZoneId.of("Europe/London")).toString());
  }

  @Test
  void aReplyWithTheReferenceMangledInItsSubjectIsFiledToThatCase() {
    String reference = aCase(); // FOI-2026-00042
    String[] parts = reference.split("-");
    String mangled = "RE: Fwd: [foi " + parts[1] + " " + Integer.parseInt(parts[2]) + "] fee paid";
    String id = messageId();
    send(email(id, mangled, "", "Paid by bank transfer today."));

    poller.poll();

    assertThat(row(id)).containsEntry("status", "FILED").containsEntry("reference", reference);
  }

  @Test
  void aReplyToALetterWeSentIsFiledToItsCaseByItsInReplyTo() {
    FoiCase logged = FoiCase.logged(engine, FoiCase.aRequest("Robin Requester", LocalDate.of(2026, 11, 2)));
    String ourLetter = "<acknowledgement-1." + logged.instance().getId() + "@foiflow>";
    String id = messageId();
    send(email(id, "Re: Your request", "In-Reply-To: " + ourLetter + "\r\nReferences: " + ourLetter + "\r\n",
        "Thank you."));

    poller.poll();

    assertThat(row(id)).containsEntry("status", "FILED").containsEntry("reference", logged.reference());
  }

  @Test
  void aMessageInTheThreadOfOneFiledToACaseIsFiledToThatCaseByItsReferences() {
    String reference = aCase();
    String first = messageId();
    send(email(first, "Re: " + reference, "", "The first reply."));
    poller.poll();
    String second = messageId();
    send(email(second, "Re: Re: a subject someone edited", "References: <elsewhere@example.org> " + first + "\r\n",
        "And another thing."));

    poller.poll();

    assertThat(row(second)).containsEntry("status", "FILED").containsEntry("reference", reference);
  }

  @Test
  void whileAnotherNodeHoldsTheLeaseThisOneReadsNothingAndTakesOverWhenTheLeaseRunsOut() {
    String id = messageId();
    send(email(id, "Read by one node at a time", "", "Hello."));
    jdbc.update("UPDATE foi_mailbox_state SET leased_by = 'another-node', leased_until = ?",
        java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(3600)));

    assertThat(poller.poll()).isZero();
    assertThat(rows(id)).isZero();

    // the other node died: its lease ends
    jdbc.update("UPDATE foi_mailbox_state SET leased_until = ?",
        java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)));
    assertThat(poller.poll()).isEqualTo(1);
    assertThat(rows(id)).isOne();
  }

  @Test
  void aMessageWithoutAReferenceGoesToTheHoldingPenWithTheReason() {
    String id = messageId();
    send(email(id, "Request for information about potholes", "", "Please send me the pothole repair budget."));

    poller.poll();

    Map<String, Object> row = row(id);
    assertThat(row).containsEntry("status", "UNSORTED").containsEntry("reference", null)
        .containsEntry("reason", "No case reference in the subject or headers");
    assertThat(processOf(row).getBusinessKey()).isNull();
    assertThat(variable(row, CorrespondenceVariable.HOLDING_REASON)).isEqualTo("No case reference in the subject or headers");
    assertThat(variable(row, CorrespondenceVariable.CASE_REFERENCE)).isNull();
  }

  @Test
  void aReferenceThatNamesNoCaseHereGoesToTheHoldingPenSayingSo() {
    String id = messageId();
    send(email(id, "Re: FOI-2019-00999", "", "Any news?"));

    poller.poll();

    assertThat(row(id)).containsEntry("status", "UNSORTED")
        .containsEntry("reason", "It names FOI-2019-00999, which is not a case here");
  }

  @Test
  void aMessageWithAttachmentsIsFiledWithOneRowForEachInItsOrder() {
    String id = messageId();
    send(("Message-ID: " + id + "\r\nFrom: robin@example.org\r\nSubject: papers\r\n"
        + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
        + "--b\r\nContent-Type: text/plain\r\n\r\nTwo files.\r\n"
        + "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"proof.pdf\"\r\n\r\n%PDF-1.4\r\n"
        + "--b\r\nContent-Type: image/png\r\nContent-Disposition: attachment\r\n\r\npng\r\n--b--\r\n")
        .getBytes(StandardCharsets.US_ASCII));

    poller.poll();

    List<Map<String, Object>> attachments = jdbc.queryForList("SELECT position, file_name, content_type"
        + " FROM foi_correspondence_attachment WHERE correspondence_id = ? ORDER BY position", row(id).get("id"));
    assertThat(attachments).extracting(a -> a.get("file_name")).containsExactly("proof.pdf", "attachment-2");
    assertThat(attachments).extracting(a -> a.get("content_type")).containsExactly("application/pdf", "image/png");
  }

  @Test
  void brokenOversizedAndEmptyMessagesGoToTheHoldingPenAndTheNextGoodMessageIsStillFiledInTheSamePoll() {
    String broken = messageId();
    String oversized = messageId();
    String empty = messageId();
    String good = messageId();
    send(("Message-ID: " + broken + "\r\nFrom: robin@example.org\r\nSubject: broken\r\n"
        + "Content-Type: multipart/mixed\r\n\r\nno boundary anywhere\r\n").getBytes(StandardCharsets.US_ASCII));
    send(email(oversized, "A large scan", "", "x".repeat(100 * 1024)));
    send(email(empty, "", "", ""));
    send(email(good, "After the bad ones", "", "Still read."));

    assertThat(poller.poll()).isEqualTo(4);

    assertThat(row(broken)).containsEntry("status", "UNSORTED").containsEntry("subject", "broken")
        .containsEntry("from_address", "robin@example.org");
    assertThat((String) row(broken).get("reason")).startsWith("The message could not be read: its MIME structure is broken");
    assertThat(row(broken).get("raw_message")).isNotNull();
    assertThat(row(oversized)).containsEntry("status", "UNSORTED").containsEntry("subject", "A large scan")
        .containsEntry("raw_message", null)
        .containsEntry("reason", "Too large to read (100 KB; the limit is " + MAX_MESSAGE_SIZE_KB + " KB)");
    assertThat((Long) row(oversized).get("raw_size")).isGreaterThanOrEqualTo(100 * 1024L);
    assertThat(row(empty)).containsEntry("status", "UNSORTED").containsEntry("reason", "The message is empty");
    assertThat(row(good)).containsEntry("status", "UNSORTED")
        .containsEntry("reason", "No case reference in the subject or headers");
    for (String id : List.of(broken, oversized, empty, good)) {
      assertThat(processOf(row(id))).as("the process of %s", id).isNotNull();
    }
  }

  @Test
  void pollingAgainFilesNothingTwiceEvenWhenTheMailboxsProgressIsLost() {
    String id = messageId();
    send(email(id, "Once only", "", "Hello."));
    assertThat(poller.poll()).isEqualTo(1);

    assertThat(poller.poll()).isZero();
    // the folder rebuilt (or the progress lost): every message is read again, and refused as filed before
    jdbc.update("UPDATE foi_mailbox_state SET last_uid = 0");
    assertThat(poller.poll()).isZero();

    assertThat(rows(id)).isEqualTo(1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MailFiling.PROCESS_KEY)
        .variableValueEquals(CorrespondenceVariable.CORRESPONDENCE_ID.key(), row(id).get("id")).count()).isEqualTo(1);
  }

  @Test
  void theSameMessageDeliveredTwiceIsFiledOnce() {
    String id = messageId();
    byte[] message = email(id, "Sent twice", "", "My mail client sent this twice.");
    send(message);
    send(message);

    assertThat(poller.poll()).isEqualTo(1);

    assertThat(rows(id)).isEqualTo(1);
  }

  @Test
  void aCrashBetweenFetchingAndFilingRefilesNothingTwiceAndLosesNothing(
      @Autowired PlatformTransactionManager transactions, @Autowired RuntimeService runtime,
      @Autowired IdentityService identity, @Autowired CaseReferences caseReferences, @Autowired ClockSettings clock,
      @Autowired MailboxSettings settings, @Autowired MailboxLease lease) {
    String before = messageId();
    String crashing = messageId();
    String after = messageId();
    send(email(before, "First", "", "one"));
    send(email(crashing, "Second", "", "two"));
    send(email(after, "Third", "", "three"));
    // a node that dies with the second message's filing done but not committed: it all rolls back
    TransactionTemplate dying = new TransactionTemplate(transactions);
    MailFiling dyingFiling = new MailFiling(jdbc, transactions, runtime, identity, caseReferences, clock) {
      @Override
      Optional<String> file(byte[] raw, String key, java.time.Instant receivedAt, MailboxProgress progress) {
        if (!new String(raw, StandardCharsets.UTF_8).contains(crashing)) {
          return super.file(raw, key, receivedAt, progress);
        }
        return dying.execute(status -> {
          super.file(raw, key, receivedAt, progress);
          throw new IllegalStateException("the node died before its commit");
        });
      }
    };

    assertThat(new MailboxPoller(settings, dyingFiling, lease, identity).poll()).isEqualTo(1);
    assertThat(rows(before)).isOne();
    assertThat(rows(crashing)).isZero();
    assertThat(rows(after)).as("not read past the message that failed").isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(MailFiling.PROCESS_KEY)
        .variableValueEquals(CorrespondenceVariable.CORRESPONDENCE_SUBJECT.key(), "Second").count()).isZero();

    assertThat(poller.poll()).isEqualTo(2);

    for (String id : List.of(before, crashing, after)) {
      assertThat(rows(id)).as("rows of %s", id).isOne();
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(MailFiling.PROCESS_KEY)
        .variableValueEquals(CorrespondenceVariable.CORRESPONDENCE_SUBJECT.key(), "Second").count()).isOne();
  }
}
