package org.foiflow.incoming;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.foiflow.mailbox.ReceivedMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The messages read from the FOI mailbox (foi_correspondence, V7) as sorting reads and changes them. */
@Component
public class CorrespondenceRecords {

  /** One message, without its raw bytes. */
  public record Message(String id, String messageId, Instant receivedAt, String fromAddress, String fromName,
                        String replyTo, String subject, String bodyText, String status, String reason,
                        String reference, String processInstanceId, LocalDate deleteAfter) {

    /** The sender as officers see it: "Name <address>". */
    public String from() {
      return ReceivedMessage.shownAs(fromName, fromAddress);
    }

    /** Where replies go: the exact Reply-To address, else From (trimmed, never otherwise changed). */
    public String answerTo() {
      String address = replyTo != null && !replyTo.isBlank() ? replyTo : fromAddress;
      return address == null ? null : address.strip();
    }
  }

  /** One attachment of a message, in its order; its bytes are in the message's raw_message. */
  public record Attachment(String correspondenceId, int position, String fileName, String contentType, long size,
                           String documentId, String note) {
  }

  private static final String COLUMNS = "id, message_id, received_at, from_address, from_name, reply_to, subject,"
      + " body_text, status, reason, reference, process_instance_id, delete_after";

  private final JdbcTemplate jdbc;

  public CorrespondenceRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Message> find(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM foi_correspondence WHERE id = ?", CorrespondenceRecords::message, id)
        .stream().findFirst();
  }

  /** The messages with this status, oldest first. */
  public List<Message> withStatus(String status) {
    return jdbc.query("SELECT " + COLUMNS + " FROM foi_correspondence WHERE status = ? ORDER BY received_at, id",
        CorrespondenceRecords::message, status);
  }

  public Optional<byte[]> rawMessage(String id) {
    return jdbc.query("SELECT raw_message FROM foi_correspondence WHERE id = ?", (rs, n) -> rs.getBytes(1), id)
        .stream().filter(java.util.Objects::nonNull).findFirst();
  }

  public List<Attachment> attachments(String id) {
    return jdbc.query("SELECT correspondence_id, position, file_name, content_type, size_bytes, document_id, note"
            + " FROM foi_correspondence_attachment WHERE correspondence_id = ? ORDER BY position",
        (rs, n) -> new Attachment(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getLong(5),
            rs.getString(6), rs.getString(7)), id);
  }

  /** Filed to a case or logged as one ({@code status} FILED or LOGGED). */
  public void placed(String id, String status, String reference) {
    jdbc.update("UPDATE foi_correspondence SET status = ?, reference = ?, version = version + 1 WHERE id = ?",
        status, reference, id);
  }

  public void notARequest(String id, LocalDate deleteAfter) {
    jdbc.update("UPDATE foi_correspondence SET status = ?, delete_after = ?, version = version + 1 WHERE id = ?",
        IncomingCorrespondence.NOT_A_REQUEST, Date.valueOf(deleteAfter), id);
  }

  /** Who sorted the message (the officer who completed its task), and when. */
  public void sortedBy(String id, String user) {
    jdbc.update("UPDATE foi_correspondence SET sorted_by = ?, sorted_at = ? WHERE id = ?", user,
        Timestamp.from(Instant.now()), id);
  }

  /** What became of an attachment: the case document it is, or why it is not one. */
  public void attachmentBecame(String id, int position, String documentId, String note) {
    jdbc.update("UPDATE foi_correspondence_attachment SET document_id = ?, note = ? WHERE correspondence_id = ?"
        + " AND position = ?", documentId, note, id, position);
  }

  /** Messages marked not a request whose keeping time is over, with the process instance that holds their text. */
  public List<Message> notRequestsToDelete(LocalDate today) {
    return jdbc.query("SELECT " + COLUMNS + " FROM foi_correspondence WHERE status = ? AND delete_after < ?",
        CorrespondenceRecords::message, IncomingCorrespondence.NOT_A_REQUEST, Date.valueOf(today));
  }

  /** Messages filed to or logged as these cases (for their deletion with the case's history). */
  public List<Message> ofCases(List<String> references) {
    if (references.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", java.util.Collections.nCopies(references.size(), "?"));
    return jdbc.query("SELECT " + COLUMNS + " FROM foi_correspondence WHERE reference IN (" + marks + ")",
        CorrespondenceRecords::message, references.toArray());
  }

  public void delete(String id) {
    jdbc.update("DELETE FROM foi_correspondence_attachment WHERE correspondence_id = ?", id);
    jdbc.update("DELETE FROM foi_correspondence WHERE id = ?", id);
  }

  private static Message message(ResultSet rs, int row) throws SQLException {
    Timestamp received = rs.getTimestamp("received_at");
    Date deleteAfter = rs.getDate("delete_after");
    return new Message(rs.getString("id"), rs.getString("message_id"), received.toInstant(),
        rs.getString("from_address"), rs.getString("from_name"), rs.getString("reply_to"), rs.getString("subject"),
        rs.getString("body_text"), rs.getString("status"), rs.getString("reason"), rs.getString("reference"),
        rs.getString("process_instance_id"), deleteAfter == null ? null : deleteAfter.toLocalDate());
  }
}
