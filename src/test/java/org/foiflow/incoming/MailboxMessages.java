package org.foiflow.incoming;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files a message as the mailbox does (the contract of issue 17): one transaction writes its foi_correspondence row
 * and attachment rows and starts incoming-correspondence with the contract's variables. For the tests of sorting,
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

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  public MailboxMessages(ProcessEngine engine, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Files the email as arrived at {@code receivedAt}, placed on {@code caseReference} (null: the holding pen). */
  public Filed file(Email email, Instant receivedAt, String caseReference) {
    String id = UUID.randomUUID().toString();
    String messageId = "<" + id + "@mail.example.org>";
    byte[] raw = raw(email, messageId);
    String holdingReason = caseReference == null ? "No case reference in the subject or headers" : null;
    String from = email.fromName() + " <" + email.fromAddress() + ">";
    return transaction.execute(status -> {
      jdbc.update("INSERT INTO foi_correspondence (id, mailbox_key, message_id, received_at, from_address, from_name,"
              + " reply_to, to_address, subject, body_text, raw_message, raw_size, status, reason, reference)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, "foi@localhost/INBOX/1/" + id, messageId,
          Timestamp.from(receivedAt), email.fromAddress(), email.fromName(), email.replyTo(), "foi@example.gov.uk",
          email.subject(), email.text(), raw, raw.length, caseReference == null ? "UNSORTED" : "FILED", holdingReason,
          caseReference);
      int position = 0;
      for (Map.Entry<String, byte[]> attachment : email.attachments().entrySet()) {
        jdbc.update("INSERT INTO foi_correspondence_attachment (correspondence_id, position, file_name, content_type,"
            + " size_bytes) VALUES (?, ?, ?, ?, ?)", id, position++, attachment.getKey(), "application/octet-stream",
            attachment.getValue().length);
      }
      VariableMap variables = Variables.createVariables()
          .putValue("correspondenceId", id)
          .putValue("caseReference", caseReference)
          .putValue("holdingReason", holdingReason)
          .putValue("correspondenceFrom", from)
          .putValue("correspondenceSubject", email.subject())
          .putValue("correspondenceReceivedOn", LocalDate.ofInstant(receivedAt, LONDON).toString())
          .putValue("correspondenceText", email.text());
      ProcessInstance process = engine.getRuntimeService()
          .startProcessInstanceByKey(IncomingCorrespondence.PROCESS_KEY, caseReference, variables);
      jdbc.update("UPDATE foi_correspondence SET process_instance_id = ? WHERE id = ?", process.getId(), id);
      return new Filed(id, messageId, process);
    });
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
}
