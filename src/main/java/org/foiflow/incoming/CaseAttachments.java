package org.foiflow.incoming;

import java.util.List;
import org.foiflow.documents.CaseDocument;
import org.foiflow.documents.CaseDocuments;
import org.foiflow.mailbox.ReceivedMessage;
import org.springframework.stereotype.Component;

/**
 * A message's attachments become documents of the case it is filed to (undecided, so not released), each through the
 * same inspection and limits as an officer's upload; one refused (its type, its size, the case no longer taking
 * documents) stays on the message with the reason in its note. Each attachment is taken once.
 */
@Component
public class CaseAttachments {

  /** Who the case's document list says added them. */
  static final String SOURCE = "email";

  private final CorrespondenceRecords records;
  private final CaseDocuments documents;

  public CaseAttachments(CorrespondenceRecords records, CaseDocuments documents) {
    this.records = records;
    this.documents = documents;
  }

  public void fileTo(String correspondenceId, String caseProcessInstanceId) {
    List<CorrespondenceRecords.Attachment> waiting = records.attachments(correspondenceId).stream()
        .filter(attachment -> attachment.documentId() == null).toList();
    if (waiting.isEmpty()) {
      return;
    }
    byte[] raw = records.rawMessage(correspondenceId).orElse(null);
    List<byte[]> files = raw == null ? List.of() : contents(raw);
    for (CorrespondenceRecords.Attachment attachment : waiting) {
      if (attachment.position() >= files.size()) {
        records.attachmentBecame(correspondenceId, attachment.position(), null,
            "not added to the case: the message as received was not kept");
        continue;
      }
      try {
        CaseDocument document = documents.received(caseProcessInstanceId, attachment.fileName(),
            files.get(attachment.position()), SOURCE);
        records.attachmentBecame(correspondenceId, attachment.position(), document.id(), null);
      } catch (RuntimeException refused) {
        // the case's rules said no: the file stays on the message, and the officer sees why
        records.attachmentBecame(correspondenceId, attachment.position(), null,
            "not added to the case: " + refused.getMessage());
      }
    }
  }

  /** The attachments' bytes, in the order the mailbox numbered them when it filed the message. */
  static List<byte[]> contents(byte[] rawMessage) {
    try {
      return ReceivedMessage.parse(rawMessage).attachments().stream().map(ReceivedMessage.Attachment::content).toList();
    } catch (ReceivedMessage.UnreadableMessageException unreadable) {
      // an unreadable message has no attachments to give
      return List.of();
    }
  }
}
