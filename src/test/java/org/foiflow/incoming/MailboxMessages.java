package org.foiflow.incoming;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.foiflow.mailbox.MailFiling;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Files a message as the mailbox does, through {@link MailFiling} (the contract of issue 17): its foi_correspondence
 * row, its attachment rows and its incoming-correspondence process, in one transaction. For the tests of sorting,
 * without an IMAP server.
 */
public final class MailboxMessages {

  /** An email as the FOI mailbox receives it; attachments by file name, in order. */
  public record Email(String fromName, String fromAddress, String replyTo, String subject, String text,
                      Map<String, byte[]> attachments) {

    public static Email from(String fromName, String fromAddress, String subject, String text) {
      return new Email(fromName, fromAddress, null, subject, text, new LinkedHashMap<>());
    }

    public Email replyTo(String address) {
      return new Email(fromName, fromAddress, address, subject, text, attachments);
    }

    public Email attaching(String fileName, byte[] content) {
      Map<String, byte[]> more = new LinkedHashMap<>(attachments);
      more.put(fileName, content);
      return new Email(fromName, fromAddress, replyTo, subject, text, more);
    }
  }

  /** A filed message: its row and its process. */
  public record Filed(String id, String messageId, ProcessInstance process) {
  }

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final MailFiling filing;

  public MailboxMessages(ProcessEngine engine, JdbcTemplate jdbc, MailFiling filing) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.filing = filing;
  }

  /**
   * Files the email, arrived at {@code receivedAt}, through the mailbox's own filing ({@link MailFiling}), as the
   * poller does: placed on the case its subject names, else in the holding pen.
   */
  public Filed file(Email email, Instant receivedAt) {
    String messageId = "<" + UUID.randomUUID() + "@mail.example.org>";
    String id = filing.file(raw(email, messageId), "foi@localhost/INBOX/1/" + UUID.randomUUID(), receivedAt)
        .orElseThrow();
    String processInstanceId = jdbc.queryForObject("SELECT process_instance_id FROM foi_correspondence WHERE id = ?",
        String.class, id);
    workJobsOf(engine, processInstanceId);
    ProcessInstance process = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (process == null) {
      // the process ran to its end as the message was filed: its history stands for it
      process = new Ended(processInstanceId);
    }
    return new Filed(id, messageId, process);
  }

  /**
   * Runs the message's process's asynchronous steps (filing to a case, the attachments of a new case) as the job
   * executor would, until it waits for a person or ends: the tests drive jobs themselves.
   */
  public static void workJobsOf(ProcessEngine engine, String processInstanceId) {
    for (int step = 0; step < 10; step++) {
      var job = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).executable()
          .list().stream().findFirst();
      if (job.isEmpty()) {
        return;
      }
      engine.getManagementService().executeJob(job.get().getId());
    }
    throw new AssertionError("the message's process " + processInstanceId + " kept making jobs");
  }

  private static byte[] raw(Email email, String messageId) {
    try {
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
        @Override
        protected void updateMessageID() throws jakarta.mail.MessagingException {
          setHeader("Message-ID", messageId);
        }
      };
      message.setFrom(new InternetAddress(email.fromAddress(), email.fromName()));
      if (email.replyTo() != null) {
        message.setReplyTo(new InternetAddress[] {new InternetAddress(email.replyTo())});
      }
      message.setRecipient(Message.RecipientType.TO, new InternetAddress("foi@example.gov.uk"));
      message.setSubject(email.subject());
      MimeMultipart parts = new MimeMultipart();
      MimeBodyPart body = new MimeBodyPart();
      body.setText(email.text(), "UTF-8");
      parts.addBodyPart(body);
      for (Map.Entry<String, byte[]> attachment : email.attachments().entrySet()) {
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new jakarta.activation.DataHandler(
            new jakarta.mail.util.ByteArrayDataSource(attachment.getValue(), "application/octet-stream")));
        file.setFileName(attachment.getKey());
        file.setDisposition(jakarta.mail.Part.ATTACHMENT);
        parts.addBodyPart(file);
      }
      message.setContent(parts);
      message.saveChanges();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      message.writeTo(out);
      return out.toByteArray();
    } catch (Exception unwritable) {
      throw new IllegalStateException(unwritable);
    }
  }

  /** A process instance that ended in the transaction that started it. */
  private record Ended(String getId) implements ProcessInstance {
    @Override public String getProcessDefinitionId() { return null; }
    @Override public String getProcessDefinitionKey() { return IncomingCorrespondence.PROCESS_KEY; }
    @Override public String getBusinessKey() { return null; }
    @Override public String getRootProcessInstanceId() { return getId; }
    @Override public String getCaseInstanceId() { return null; }
    @Override public boolean isSuspended() { return false; }
    @Override public boolean isEnded() { return true; }
    @Override public String getProcessInstanceId() { return getId; }
    @Override public String getTenantId() { return null; }
  }
}
