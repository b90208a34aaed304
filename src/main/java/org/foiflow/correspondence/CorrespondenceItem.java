package org.foiflow.correspondence;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One message of a case's correspondence, either way: IN a message from the FOI mailbox filed to the case, OUT a
 * letter the case (or one of its internal reviews) sent. status is an OUT letter's: SENT (emailed), WAITING (queued
 * for email, not yet accepted by the mail server) or BY_POST (a "Print and post" task). text is an IN message's body,
 * shown on the case page; the API gives it with the message itself (GET /api/correspondence/{id}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CorrespondenceItem(String id, Direction direction, String from, String to, String subject, Instant at,
                                 Status status, List<Attachment> attachments, @JsonIgnore String text) {

  public enum Direction { IN, OUT }

  public enum Status { SENT, WAITING, BY_POST }

  /** size is null for a letter's PDF: it is rendered from the filed letter on download, not stored. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Attachment(String fileName, Long size, String href) {
  }
}
