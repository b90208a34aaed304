package org.foiflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngine;
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
 * Letters are emailed when, and only when, the step that sent them commits; one committed but not emailed
 * (its node died) is emailed by the next look at the outbox, once.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class LetterOutboxTest {

  // one for the class; each test starts with empty mailboxes
  static final GreenMail smtp = MailServerForTests.started();

  @AfterAll
  static void stopMailServer() {
    smtp.stop();
  }

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry properties) {
    MailServerForTests.sendTo(smtp, properties);
  }

  @BeforeEach
  void emptyMailboxes() throws FolderException {
    smtp.purgeEmailFromAllMailboxes();
  }

  @Autowired
  ProcessEngine engine;
  @Autowired
  LetterOutbox outbox;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactions;

  private long emailsTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(message -> recipient(message).equals(address)).count();
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (MessagingException unreadable) {
      throw new IllegalStateException(unreadable);
    }
  }

  @Test
  void theAcknowledgementOfARegistrationThatRollsBackIsNeverEmailed() {
    Integer queuedBefore = jdbc.queryForObject("SELECT COUNT(*) FROM foi_letter_dispatch", Integer.class);
    new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
      FoiCase.logged(engine, FoiCase.aRequest("Rolf Rollback", LocalDate.of(2026, 11, 2)));
      // e.g. the node loses the race with another, or dies, before the commit
      transaction.setRollbackOnly();
    });
    assertThat(emailsTo("rolf.rollback@example.org")).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_letter_dispatch", Integer.class)).isEqualTo(queuedBefore);

    FoiCase.logged(engine, FoiCase.aRequest("Rolf Rollback", LocalDate.of(2026, 11, 2)));
    assertThat(emailsTo("rolf.rollback@example.org")).isEqualTo(1);
  }

  @Test
  void aLetterCommittedButNotEmailedIsEmailedOnceByTheNextLookAtTheOutbox() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Nora Node", LocalDate.of(2026, 11, 2)));
    String messageId = "<letter1." + foi.instance().getId() + "@foiflow>";
    assertThat(emailsTo("nora.node@example.org")).isEqualTo(1);
    assertThat(smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1].getMessageID()).isEqualTo(messageId);

    // as if the node had died between its commit and the email: queued a while ago, never sent
    jdbc.update("UPDATE foi_letter_dispatch SET sent_at = NULL, queued_at = ? WHERE process_instance_id = ?",
        Timestamp.from(Instant.now().minusSeconds(3600)), foi.instance().getId());
    outbox.deliverOverdue();
    outbox.deliverOverdue();

    MimeMessage[] toNora = Arrays.stream(smtp.getReceivedMessages())
        .filter(message -> recipient(message).equals("nora.node@example.org")).toArray(MimeMessage[]::new);
    assertThat(toNora).hasSize(2);
    assertThat(toNora[1].getMessageID()).isEqualTo(messageId);
    assertThat(toNora[1].getSubject()).isEqualTo(toNora[0].getSubject()).startsWith(foi.reference());
    assertThat(jdbc.queryForObject("SELECT attempts FROM foi_letter_dispatch WHERE process_instance_id = ?",
        Integer.class, foi.instance().getId())).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_letter_dispatch WHERE process_instance_id = ?"
        + " AND sent_at IS NOT NULL", Integer.class, foi.instance().getId())).isEqualTo(1);
  }
}
