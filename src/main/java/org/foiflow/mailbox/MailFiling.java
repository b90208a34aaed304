package org.foiflow.mailbox;

import static org.foiflow.mailbox.CorrespondenceVariable.CASE_REFERENCE;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_FROM;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_ID;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_RECEIVED_ON;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_SUBJECT;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_TEXT;
import static org.foiflow.mailbox.CorrespondenceVariable.HOLDING_REASON;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.casefile.ClockSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files one message read from the mailbox, exactly once: its foi_correspondence row (and attachment rows) and the
 * start of its "incoming-correspondence" process are one transaction, and the row's unique keys (the mailbox UID
 * and the Message-ID) refuse a second filing, by another node or after a crash, which then rolls back whole. A
 * message placed on a case is FILED with the reference; any other, or one that cannot be read, is UNSORTED with the
 * reason (the holding pen). The poller calls it, and so may tests and other features that have a message's bytes.
 */
@Component
public class MailFiling {

  public static final String PROCESS_KEY = "incoming-correspondence";
  /** The text shown on the tasks; the whole text stays in foi_correspondence.body_text. */
  static final int TEXT_ON_TASKS = 20_000;
  static final String UNREADABLE = "The message could not be read: ";

  private static final Logger log = LoggerFactory.getLogger(MailFiling.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final CaseReferences caseReferences;
  private final ClockSettings clock;

  public MailFiling(JdbcTemplate jdbc, PlatformTransactionManager transactions, @Lazy RuntimeService runtime,
                    @Lazy IdentityService identity, CaseReferences caseReferences, ClockSettings clock) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.runtime = runtime;
    this.identity = identity;
    this.caseReferences = caseReferences;
    this.clock = clock;
  }

  /**
   * Parses and files one message as the poller does. receivedAt is when the mail server received it (null: its
   * Date header, else now). Returns the correspondence id, or empty when it was already filed.
   */
  public Optional<String> file(byte[] rawMessage, String mailboxKey, Instant receivedAt) {
    return file(rawMessage, mailboxKey, receivedAt, null);
  }

  /** As {@link #file(byte[], String, Instant)}, moving the mailbox's progress on in the same transaction. */
  Optional<String> file(byte[] rawMessage, String mailboxKey, Instant receivedAt, MailboxProgress progress) {
    Row row;
    try {
      ReceivedMessage message = ReceivedMessage.parse(rawMessage);
      String reason = null;
      String reference = null;
      if (message.isEmpty()) {
        reason = "The message is empty";
      } else {
        CaseReferences.Placement placement = caseReferences.place(message);
        reference = placement.reference();
        reason = placement.holdingReason();
      }
      Instant received = receivedAt != null ? receivedAt : message.sentAt() != null ? message.sentAt() : Instant.now();
      row = new Row(mailboxKey, message, received, rawMessage, rawMessage.length, reference, reason);
    } catch (ReceivedMessage.UnreadableMessageException unreadable) {
      ReceivedMessage headers = ReceivedMessage.headersOf(rawMessage);
      Instant received = receivedAt != null ? receivedAt : headers.sentAt() != null ? headers.sentAt() : Instant.now();
      row = new Row(mailboxKey, headers, received, rawMessage, rawMessage.length, null,
          UNREADABLE + unreadable.getMessage());
    }
    return insert(row, progress);
  }

  /**
   * Files a message that was not (or could not be) read whole: too large, its bytes could not be fetched, or filing
   * it failed again and again. What the server told of it (sender, subject, Message-ID) is kept when known, and its
   * bytes when there are any; the reason says why it is not read.
   */
  Optional<String> fileUnread(String mailboxKey, Instant receivedAt, byte[] raw, long size, Envelope envelope,
                              String reason, MailboxProgress progress) {
    ReceivedMessage known = new ReceivedMessage(envelope.messageId(), envelope.fromAddress(), envelope.fromName(),
        null, null, envelope.subject(), null, List.of(), null, null, List.of());
    Instant received = receivedAt != null ? receivedAt : Instant.now();
    return insert(new Row(mailboxKey, known, received, raw, size, null, reason), progress);
  }

  /** What the mail server says of a message without its body. */
  record Envelope(String messageId, String fromAddress, String fromName, String subject) {
    static final Envelope UNKNOWN = new Envelope(null, null, null, null);
  }

  private record Row(String mailboxKey, ReceivedMessage message, Instant receivedAt, byte[] raw, long size,
                     String reference, String reason) {
  }

  private Optional<String> insert(Row row, MailboxProgress progress) {
    String id = UUID.randomUUID().toString();
    Optional<String> filed = transaction.execute(status -> {
      if (progress != null) {
        progress.advance(jdbc);
      }
      try {
        insertRow(id, row);
      } catch (DuplicateKeyException alreadyFiled) {
        // by another node, or before a crash that lost the mailbox's progress: nothing more to do
        log.debug("Message {} ({}) was filed before; skipped", row.mailboxKey(), row.message().messageId());
        status.setRollbackOnly();
        return Optional.<String>empty();
      }
      String processInstanceId = startProcess(id, row);
      jdbc.update("UPDATE foi_correspondence SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
      return Optional.of(id);
    });
    if (filed.isPresent()) {
      log.info("Message {} filed as {}: {}", row.mailboxKey(), id,
          row.reference() != null ? "to " + row.reference() : "to the holding pen (" + row.reason() + ")");
    }
    return filed;
  }

  private void insertRow(String id, Row row) {
    ReceivedMessage message = row.message();
    jdbc.update("INSERT INTO foi_correspondence (id, mailbox_key, message_id, received_at, from_address, from_name,"
            + " reply_to, to_address, subject, in_reply_to, references_header, body_text, raw_message, raw_size,"
            + " status, reason, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, row.mailboxKey(), cut(message.messageId(), 998), Timestamp.from(row.receivedAt()),
        cut(message.fromAddress(), 320), cut(message.fromName(), 200), cut(message.replyTo(), 320),
        cut(message.to(), 1000), cut(message.subject(), 1000), cut(message.inReplyTo(), 1000),
        message.references().isEmpty() ? null : cut(String.join(" ", message.references()), 4000),
        message.bodyText(), row.raw(), row.size(), row.reference() != null ? "FILED" : "UNSORTED",
        cut(row.reason(), 1000), row.reference());
    List<ReceivedMessage.Attachment> attachments = message.attachments();
    for (int position = 0; position < attachments.size(); position++) {
      ReceivedMessage.Attachment attachment = attachments.get(position);
      jdbc.update("INSERT INTO foi_correspondence_attachment (correspondence_id, position, file_name, content_type,"
              + " size_bytes) VALUES (?, ?, ?, ?, ?)", id, position, cut(attachment.fileName(), 255),
          cut(attachment.contentType(), 255), (long) attachment.content().length);
    }
  }

  private String startProcess(String id, Row row) {
    ReceivedMessage message = row.message();
    String text = message.bodyText();
    VariableMap variables = Variables.createVariables()
        .putValue(CORRESPONDENCE_ID.key(), id)
        .putValue(CASE_REFERENCE.key(), row.reference())
        .putValue(HOLDING_REASON.key(), row.reason())
        .putValue(CORRESPONDENCE_FROM.key(), message.fromShown())
        .putValue(CORRESPONDENCE_SUBJECT.key(), message.subject())
        .putValue(CORRESPONDENCE_RECEIVED_ON.key(), LocalDate.ofInstant(row.receivedAt(), clock.zone()).toString())
        .putValue(CORRESPONDENCE_TEXT.key(), text == null ? null : cut(text, TEXT_ON_TASKS));
    // the mailbox files as the system, whoever (if anyone) is signed in on this thread
    var caller = identity.getCurrentAuthentication(); // handed back unread: no need to name the engine's type
    identity.clearAuthentication();
    try {
      ProcessInstance started = runtime.startProcessInstanceByKey(PROCESS_KEY, row.reference(), variables);
      return started.getId();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private static String cut(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }
}
