package org.foiflow.incoming;

import java.util.List;
import org.foiflow.casefile.CaseConflictException;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.NamedProblems;
import org.foiflow.documents.CaseDocument;
import org.foiflow.documents.CaseDocuments;
import org.foiflow.documents.DocumentRefusedException;
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
      } catch (DocumentRefusedException | CaseConflictException | InvalidRequestException refused) {
        // the case's rules said no, in words: the file stays on the message, and the officer sees why. Anything else
        // (the database, the converter's crash) fails the step, which the engine retries and then shows in Cockpit.
        records.attachmentBecame(correspondenceId, attachment.position(), null, note(refused));
      }
    }
  }

  /** Why an attachment did not become a document, as the officer reads it (the column holds 1000 characters). */
  static String note(RuntimeException refused) {
    String why = refused instanceof NamedProblems named && !named.problems().isEmpty()
        ? String.join("; ", named.problems().values()) : String.valueOf(refused.getMessage());
    String note = "not added to the case: " + why;
    return note.length() <= 1000 ? note : note.substring(0, 999) + "…";
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
