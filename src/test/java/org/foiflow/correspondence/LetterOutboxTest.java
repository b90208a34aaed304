package org.foiflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
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

  @RegisterExtension
  static final MailServerForTests mail = MailServerForTests.started();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry properties) {
    mail.sendTo(properties);
  }

  @Autowired
  ProcessEngine engine;
  @Autowired
  LetterOutbox outbox;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactions;
  @Autowired
  JavaMailSender mailSender;

  private long emailsTo(String address) {
    return Arrays.stream(mail.received()).filter(message -> recipient(message).equals(address)).count();
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
    assertThat(mail.received()[mail.received().length - 1].getMessageID()).isEqualTo(messageId);

    // as if the node had died between its commit and the email: queued a while ago, never sent
    jdbc.update("UPDATE foi_letter_dispatch SET sent_at = NULL, queued_at = ? WHERE process_instance_id = ?",
        Timestamp.from(Instant.now().minusSeconds(3600)), foi.instance().getId());
    outbox.deliverOverdue();
    outbox.deliverOverdue();

    MimeMessage[] toNora = Arrays.stream(mail.received())
        .filter(message -> recipient(message).equals("nora.node@example.org")).toArray(MimeMessage[]::new);
    assertThat(toNora).hasSize(2);
    assertThat(toNora[1].getMessageID()).isEqualTo(messageId);
    assertThat(toNora[1].getSubject()).isEqualTo(toNora[0].getSubject()).startsWith(foi.reference());
    assertThat(jdbc.queryForObject("SELECT attempts FROM foi_letter_dispatch WHERE process_instance_id = ?",
        Integer.class, foi.instance().getId())).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_letter_dispatch WHERE process_instance_id = ?"
        + " AND sent_at IS NOT NULL", Integer.class, foi.instance().getId())).isEqualTo(1);
  }

  /**
   * The alternative the outbox was weighed against: the email sent by a step with an asynchronous continuation
   * and a retry cycle. The job's transaction carries the case on from the send to its next wait state; when
   * something there fails after the email has left (here a conflict, as when the deadline watch's timer runs on
   * the same case on another node), the job rolls back and its retry emails the letter again, with no crash at
   * all. The same failure in a step that queues to the outbox emails nothing, and the step's retry emails once
   * (theAcknowledgementOfARegistrationThatRollsBackIsNeverEmailed).
   */
  @Test
  void anAsynchronousContinuationWhoseTransactionFailsAfterTheEmailEmailsItAgainOnRetry() {
    EmailInTheJob.sender = mailSender;
    ConflictOnce.conflicted.set(false);
    BpmnModelInstance model = Bpmn.createExecutableProcess("letter-in-a-job")
        .startEvent()
        .serviceTask("EmailLetter").camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R3/PT1M")
        .camundaClass(EmailInTheJob.class.getName())
        .serviceTask("CarryOn").camundaClass(ConflictOnce.class.getName())
        .endEvent()
        .done();
    String deployment = engine.getRepositoryService().createDeployment()
        .addModelInstance("letter-in-a-job.bpmn", model).deploy().getId();
    try {
      String instance = engine.getRuntimeService().startProcessInstanceByKey("letter-in-a-job").getId();
      String job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult().getId();

      assertThatThrownBy(() -> engine.getManagementService().executeJob(job))
          .isInstanceOf(OptimisticLockingException.class);
      assertThat(emailsTo(EmailInTheJob.TO)).as("emailed before the job's transaction failed").isEqualTo(1);
      // the engine takes the conflict for a race, not a fault: the job is tried again without using up a retry
      assertThat(engine.getManagementService().createJobQuery().jobId(job).singleResult().getRetries()).isEqualTo(3);

      engine.getManagementService().executeJob(job);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
      assertThat(emailsTo(EmailInTheJob.TO)).as("the retry emailed the same letter again").isEqualTo(2);
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  /** Emails a letter from inside the job, as a sending step with an asynchronous continuation would. */
  public static class EmailInTheJob implements JavaDelegate {
    static final String TO = "ada.async@example.org";
    static volatile JavaMailSender sender;

    @Override
    public void execute(DelegateExecution execution) {
      SimpleMailMessage letter = new SimpleMailMessage();
      letter.setFrom("foi@example.gov.uk");
      letter.setTo(TO);
      letter.setSubject("FOI-2026-00001: acknowledgement");
      letter.setText("We have received your request.");
      sender.send(letter);
    }
  }

  /** The rest of the job's transaction, which loses a race with another node the first time. */
  public static class ConflictOnce implements JavaDelegate {
    static final AtomicBoolean conflicted = new AtomicBoolean();

    @Override
    public void execute(DelegateExecution execution) {
      if (conflicted.compareAndSet(false, true)) {
        throw new OptimisticLockingException("the case was changed by a concurrent transaction");
      }
    }
  }
}
