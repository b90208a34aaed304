package org.foiflow.incoming;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Groups;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.documents.DocumentRefusedException;
import org.foiflow.security.FoiGroups;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The messages read from the FOI mailbox: GET /api/correspondence?status=unsorted lists the holding pen (or the
 * messages of another status), GET /api/correspondence/{id} shows one with its text and attachments, and
 * .../attachments/{position} downloads one attachment. For FOI officers and administrators (403 otherwise): a
 * message may be anyone's personal data before it is sorted.
 */
@RestController
public class CorrespondenceController {

  /** Who reads the mailbox's messages. */
  static final List<String> MAY_READ = List.of(FoiGroups.OFFICERS, Groups.CAMUNDA_ADMIN);

  public record Listed(String id, String from, String subject, String receivedAt, String reason) {
  }

  public record Items(List<Listed> items) {
  }

  public record AttachmentJson(int position, String fileName, String contentType, long size, String documentId,
                               String note, String href) {
  }

  public record MessageJson(String id, String from, String replyTo, String subject, String receivedAt, String status,
                            String reason, String reference, String text, List<AttachmentJson> attachments) {
  }

  private final CorrespondenceRecords records;

  public CorrespondenceController(CorrespondenceRecords records) {
    this.records = records;
  }

  @GetMapping("/api/correspondence")
  public Items list(@RequestParam(defaultValue = "unsorted") String status) {
    officer();
    String wanted = status.strip().toUpperCase(Locale.UK).replace('-', '_');
    if (!IncomingCorrespondence.STATUSES.contains(wanted)) {
      throw new InvalidRequestException(Map.of("status", "'" + status + "' is not one of "
          + String.join(", ", IncomingCorrespondence.STATUSES.stream().map(s -> s.toLowerCase(Locale.UK)).toList())));
    }
    return new Items(records.withStatus(wanted).stream().map(message -> new Listed(message.id(), message.from(),
        message.subject(), message.receivedAt().toString(), message.reason())).toList());
  }

  @GetMapping("/api/correspondence/{id}")
  public MessageJson show(@PathVariable String id) {
    officer();
    CorrespondenceRecords.Message message = message(id);
    List<AttachmentJson> attachments = records.attachments(id).stream().map(attachment -> new AttachmentJson(
        attachment.position(), attachment.fileName(), attachment.contentType(), attachment.size(),
        attachment.documentId(), attachment.note(),
        "/api/correspondence/" + id + "/attachments/" + attachment.position())).toList();
    return new MessageJson(message.id(), message.from(), message.replyTo(), message.subject(),
        message.receivedAt().toString(), message.status(), message.reason(), message.reference(), message.bodyText(),
        attachments);
  }

  @GetMapping("/api/correspondence/{id}/attachments/{position}")
  public ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable int position) {
    officer();
    message(id);
    CorrespondenceRecords.Attachment attachment = records.attachments(id).stream()
        .filter(candidate -> candidate.position() == position).findFirst()
        .orElseThrow(() -> notFound("position", "the message has no attachment " + position));
    List<byte[]> files = records.rawMessage(id).map(CaseAttachments::contents).orElse(List.of());
    if (position >= files.size()) {
      throw notFound("position", "the message as received was not kept, so its attachment cannot be read");
    }
    MediaType type;
    try {
      type = attachment.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM
          : MediaType.parseMediaType(attachment.contentType());
    } catch (org.springframework.util.InvalidMimeTypeException unknownType) {
      type = MediaType.APPLICATION_OCTET_STREAM;
    }
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString())
        .body(files.get(position));
  }

  private CorrespondenceRecords.Message message(String id) {
    return records.find(id).orElseThrow(() -> notFound("id", "no message from the FOI mailbox has the id " + id));
  }

  private static DocumentRefusedException notFound(String field, String detail) {
    return new DocumentRefusedException(404, "correspondence-not-found", field, detail);
  }

  private static void officer() {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (signedIn == null || signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .noneMatch(MAY_READ::contains)) {
      throw new DocumentRefusedException(403, "not-an-officer", "user",
          "the FOI mailbox's messages are for FOI officers and administrators");
    }
  }
}
