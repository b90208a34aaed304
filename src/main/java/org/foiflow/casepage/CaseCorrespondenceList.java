package org.foiflow.casepage;

import java.util.List;
import org.foiflow.correspondence.CaseCorrespondence;
import org.foiflow.correspondence.CorrespondenceItem;
import org.foiflow.correspondence.CorrespondenceItem.Direction;
import org.springframework.stereotype.Component;

/**
 * The case page's Correspondence section: what the requester sent (filed from the FOI mailbox) and what the case and
 * its reviews sent back, oldest first, as GET /api/requests/{reference}/correspondence lists them, in words.
 */
@Component
public class CaseCorrespondenceList {

  private final CaseCorrespondence correspondence;

  public CaseCorrespondenceList(CaseCorrespondence correspondence) {
    this.correspondence = correspondence;
  }

  public List<Row> of(String reference, String processInstanceId) {
    return correspondence.of(reference, processInstanceId).stream().map(CaseCorrespondenceList::row).toList();
  }

  private static Row row(CorrespondenceItem item) {
    boolean received = item.direction() == Direction.IN;
    return new Row(received ? "Received" : "Sent", item.from(), item.to(), item.subject(),
        UkTimes.time(java.util.Date.from(item.at())), item.at().toString(), received ? null : status(item.status()),
        item.attachments().stream().map(attachment -> new Attachment(attachment.fileName(),
            attachment.size() == null ? null : CaseDocumentList.size(attachment.size()), attachment.href())).toList(),
        item.text() == null || item.text().isBlank() ? null : item.text());
  }

  private static String status(CorrespondenceItem.Status status) {
    return switch (status) {
      case SENT -> "Emailed";
      case WAITING -> "Waiting to be emailed";
      case BY_POST -> "By post";
    };
  }

  /** One message; text is a received message's body (shown folded), status how a sent letter went. */
  public record Row(String direction, String from, String to, String subject, String when, String iso, String status,
                    List<Attachment> attachments, String text) {
  }

  public record Attachment(String fileName, String size, String href) {
  }
}
