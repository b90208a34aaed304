package org.foiflow.casepage;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.foiflow.assessment.ExemptionCitation;
import org.foiflow.documents.CaseDocument;
import org.foiflow.documents.CaseDocuments;
import org.foiflow.documents.DocumentDecision;
import org.foiflow.documents.DocumentRedaction;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The case page's Documents section: each document the officers added, in words (its type, size, decision and
 * exemptions as the law cites them), with the addresses of its redaction page, its original and its redacted copy.
 * The upload zone is offered to officers while the documents may still change; the API enforces the same rules.
 */
@Component
public class CaseDocumentList {

  static final Map<DocumentDecision, String> DECISIONS = Map.of(
      DocumentDecision.UNDECIDED, "Not decided yet",
      DocumentDecision.RELEASE_IN_FULL, "Release in full",
      DocumentDecision.RELEASE_REDACTED, "Release with redactions",
      DocumentDecision.WITHHOLD, "Withhold");

  /** What a content type is called by the people who open it. */
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("application/pdf", "PDF"),
      Map.entry("application/msword", "Word document"),
      Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document"),
      Map.entry("application/vnd.ms-excel", "Excel spreadsheet"),
      Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel spreadsheet"),
      Map.entry("text/csv", "CSV spreadsheet"),
      Map.entry("text/plain", "Text"),
      Map.entry("message/rfc822", "Email"),
      Map.entry("image/png", "PNG image"),
      Map.entry("image/jpeg", "JPEG image"),
      Map.entry("image/tiff", "TIFF image"));

  private final CaseDocuments documents;

  public CaseDocumentList(CaseDocuments documents) {
    this.documents = documents;
  }

  /**
   * The section as the signed-in user sees it: officers get the upload zone and the write actions while the documents
   * API would take them (the case open, its response neither with the approver nor issued).
   */
  public Section of(String reference, String processInstanceId, Authentication signedIn) {
    boolean officer = ExtensionFormState.mayExtend(signedIn);
    boolean editable = documents.editable(processInstanceId);
    List<Row> rows = documents.of(processInstanceId).stream().map(document -> row(reference, document)).toList();
    String readOnly = !officer ? "Only FOI officers add, redact and decide on documents."
        : editable ? null : "The documents can no longer be changed: the case is closed, or its response is with the approver.";
    return new Section(rows, officer && editable, officer && editable, api(reference), readOnly);
  }

  static String api(String reference) {
    return "/api/requests/" + reference + "/documents";
  }

  static Row row(String reference, CaseDocument document) {
    String api = api(reference) + "/" + document.id();
    return new Row(document.id(), document.fileName(), type(document.contentType()),
        String.valueOf(document.pages()), size(document.size()), DECISIONS.get(document.decision()),
        exemptions(document),
        document.redactions().size(), document.addedBy(), document.addedAt() == null ? null : UkTimes.day(Date.from(document.addedAt())),
        "/cases/" + reference + "/documents/" + document.id(), api + "/original", api + "/redacted.pdf");
  }

  /**
   * The exemptions a document is held back under, as the law cites them: those its decision names, then those of its
   * redactions (a document released with redactions may name none in its decision).
   */
  static List<String> exemptions(CaseDocument document) {
    return java.util.stream.Stream.concat(document.exemptions().stream(),
            document.redactions().stream().map(DocumentRedaction::exemption))
        .map(ExemptionCitation::of).distinct().toList();
  }

  /** One line per redaction for the redaction page before its script has run: label, what, how many. */
  static List<String> lines(CaseDocument document) {
    return document.redactions().stream().map(CaseDocumentList::line).toList();
  }

  private static String line(DocumentRedaction redaction) {
    String pages = String.join(", ", redaction.areas().stream().map(area -> String.valueOf(area.page())).distinct().toList());
    return redaction.label() + " " + (redaction.text() != null
        ? "“" + redaction.text() + "”, " + redaction.count() + (redaction.count() == 1 ? " match" : " matches")
        : "a box") + " (page " + pages + ")";
  }

  public static String type(String contentType) {
    if (contentType == null) {
      return "Unknown";
    }
    String bare = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(bare, bare);
  }

  /** 900 bytes, 12 KB, 1.4 MB: as file managers show sizes. */
  public static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    if (bytes < 1024 * 1024) {
      return Math.round(bytes / 1024.0) + " KB";
    }
    return String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** The section: its rows, whether to offer the upload zone and the write actions, and where uploads go. */
  public record Section(List<Row> rows, boolean mayAdd, boolean mayEdit, String upload, String readOnlyReason) {
  }

  /** One document, in words. */
  public record Row(String id, String fileName, String type, String pages, String size, String decision,
                    List<String> exemptions, int redactions, String addedBy, String addedOn, String redactionPage,
                    String original, String redacted) {
  }
}
