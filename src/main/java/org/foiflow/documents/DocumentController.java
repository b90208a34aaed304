package org.foiflow.documents;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Groups;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.intake.RequestStatus;
import org.foiflow.intake.RequestStatusQuery;
import org.foiflow.redaction.PageArea;
import org.foiflow.redaction.PageImages;
import org.foiflow.redaction.PersonalDataSuggestion;
import org.foiflow.security.FoiGroups;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The documents of a case over HTTP, for the case page and the redaction page: /api/requests/{reference}/documents
 * (docs/documents.md describes each call). The case is found by its reference as the signed-in user may read it
 * (404 otherwise); the rules are {@link CaseDocuments}', which every caller meets alike. Page pictures are of the
 * PDF rendition, unredacted or with the redactions burned in.
 */
@RestController
public class DocumentController {

  /** Who reads a case's documents: the FOI team and administrators. */
  static final List<String> MAY_READ = List.of(FoiGroups.OFFICERS, FoiGroups.APPROVERS, FoiGroups.MANAGERS,
      Groups.CAMUNDA_ADMIN);
  static final float DEFAULT_DPI = 96;

  public record Uploaded(String id, String fileName, String contentType, long size, int pages, String sha256) {
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record RedactionJson(String id, String exemption, String label, String text, int count, List<AreaJson> areas,
                              String addedBy) {
  }

  public record AreaJson(int page, double x, double y, double width, double height) {
  }

  public record DocumentJson(String id, String fileName, String contentType, long size, int pages, String sha256,
                             String addedBy, String addedOn, String decision, List<String> exemptions,
                             List<RedactionJson> redactions) {
  }

  public record DocumentList(boolean editable, List<CaseDocuments.ExemptionChoice> exemptionChoices,
                             List<DocumentJson> items) {
  }

  /** A redaction to add: a phrase, a pattern, or an area of a page; with its exemption as cited. */
  public record NewRedaction(String text, String pattern, Integer page, Double x, Double y, Double width, Double height,
                             String exemption) {
  }

  /** The redaction added, and what the document's decision now is (an undecided document becomes a redacted release). */
  public record AddedRedaction(String id, String exemption, String label, String text, int count, List<AreaJson> areas,
                               String addedBy, String documentDecision) {
  }

  public record Decision(DocumentDecision decision, List<String> exemptions) {
  }

  public record Suggestion(String kind, String text, int count) {
  }

  private final CaseDocuments documents;
  private final RequestStatusQuery statusQuery;

  public DocumentController(CaseDocuments documents, RequestStatusQuery statusQuery) {
    this.documents = documents;
    this.statusQuery = statusQuery;
  }

  @PostMapping(path = "/api/requests/{reference}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Uploaded> upload(@PathVariable String reference,
                                         @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
    String processInstanceId = caseOf(reference);
    if (file == null) {
      throw new InvalidRequestException(Map.of("file", "is required: send the document as the multipart part 'file'"));
    }
    documents.refuseIfTooLarge(file.getSize());
    CaseDocument added = documents.add(processInstanceId, file.getOriginalFilename(), file.getBytes());
    return ResponseEntity.created(URI.create("/api/requests/" + reference + "/documents/" + added.id()))
        .body(new Uploaded(added.id(), added.fileName(), added.contentType(), added.size(), added.pages(), added.sha256()));
  }

  @GetMapping("/api/requests/{reference}/documents")
  public DocumentList list(@PathVariable String reference) {
    String processInstanceId = caseOf(reference);
    return new DocumentList(documents.editable(processInstanceId), documents.exemptionChoices(processInstanceId),
        documents.of(processInstanceId).stream().map(DocumentController::json).toList());
  }

  @GetMapping("/api/requests/{reference}/documents/{id}")
  public DocumentJson one(@PathVariable String reference, @PathVariable String id) {
    return json(document(caseOf(reference), id));
  }

  @DeleteMapping("/api/requests/{reference}/documents/{id}")
  public ResponseEntity<Void> remove(@PathVariable String reference, @PathVariable String id) {
    documents.remove(caseOf(reference), id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/requests/{reference}/documents/{id}/original")
  public ResponseEntity<byte[]> original(@PathVariable String reference, @PathVariable String id) {
    String processInstanceId = caseOf(reference);
    CaseDocument document = document(processInstanceId, id);
    return attachment(document.fileName(), document.contentType(), documents.original(processInstanceId, id));
  }

  @GetMapping("/api/requests/{reference}/documents/{id}/redacted.pdf")
  public ResponseEntity<byte[]> redacted(@PathVariable String reference, @PathVariable String id) {
    String processInstanceId = caseOf(reference);
    CaseDocument document = document(processInstanceId, id);
    return attachment(CaseDocuments.baseName(document.fileName()) + " (redacted).pdf", MediaType.APPLICATION_PDF_VALUE,
        documents.burned(processInstanceId, id));
  }

  @GetMapping("/api/requests/{reference}/documents/{id}/pages")
  public Map<String, Object> pages(@PathVariable String reference, @PathVariable String id) {
    String processInstanceId = caseOf(reference);
    document(processInstanceId, id);
    return Map.of("pages", documents.pages(processInstanceId, id).stream().map(size -> {
      Map<String, Object> page = new LinkedHashMap<>();
      page.put("page", size.page());
      page.put("width", size.width());
      page.put("height", size.height());
      return page;
    }).toList());
  }

  @GetMapping("/api/requests/{reference}/documents/{id}/pages/{page}.png")
  public ResponseEntity<byte[]> page(@PathVariable String reference, @PathVariable String id, @PathVariable int page,
                                     @RequestParam(required = false) Integer dpi) {
    String processInstanceId = caseOf(reference);
    CaseDocument document = document(processInstanceId, id);
    return png(documents.rendition(processInstanceId, id), document, page, dpi);
  }

  @GetMapping("/api/requests/{reference}/documents/{id}/redacted/pages/{page}.png")
  public ResponseEntity<byte[]> redactedPage(@PathVariable String reference, @PathVariable String id,
                                             @PathVariable int page, @RequestParam(required = false) Integer dpi) {
    String processInstanceId = caseOf(reference);
    CaseDocument document = document(processInstanceId, id);
    return png(documents.burned(processInstanceId, id), document, page, dpi);
  }

  @PostMapping("/api/requests/{reference}/documents/{id}/redactions")
  public ResponseEntity<AddedRedaction> redact(@PathVariable String reference, @PathVariable String id,
                                               @RequestBody(required = false) NewRedaction body) {
    String processInstanceId = caseOf(reference);
    NewRedaction given = body == null ? new NewRedaction(null, null, null, null, null, null, null, null) : body;
    PageArea area = null;
    if (given.page() != null || given.x() != null || given.y() != null || given.width() != null || given.height() != null) {
      area = area(given);
    }
    DocumentRedaction added = documents.redact(processInstanceId, id,
        new CaseDocuments.RedactionRequest(given.text(), given.pattern(), area, given.exemption()));
    CaseDocument document = document(processInstanceId, id);
    return ResponseEntity.created(URI.create("/api/requests/" + reference + "/documents/" + id + "/redactions/" + added.id()))
        .body(new AddedRedaction(added.id(), added.exemption(), added.label(), added.text(), added.count(),
            areas(added.areas()), added.addedBy(), document.decision().name()));
  }

  @DeleteMapping("/api/requests/{reference}/documents/{id}/redactions/{redactionId}")
  public ResponseEntity<Void> removeRedaction(@PathVariable String reference, @PathVariable String id,
                                              @PathVariable String redactionId) {
    documents.removeRedaction(caseOf(reference), id, redactionId);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/requests/{reference}/documents/{id}/suggestions")
  public Map<String, List<Suggestion>> suggestions(@PathVariable String reference, @PathVariable String id) {
    String processInstanceId = caseOf(reference);
    document(processInstanceId, id);
    List<PersonalDataSuggestion> found = documents.suggestions(processInstanceId, id);
    return Map.of("items", found.stream()
        .map(suggestion -> new Suggestion(suggestion.kind(), suggestion.text(), suggestion.matches().size())).toList());
  }

  @PutMapping("/api/requests/{reference}/documents/{id}/decision")
  public DocumentJson decide(@PathVariable String reference, @PathVariable String id,
                             @RequestBody(required = false) Decision body) {
    Decision given = body == null ? new Decision(null, null) : body;
    return json(documents.decide(caseOf(reference), id, given.decision(), given.exemptions()));
  }

  /** The case's process instance, if the signed-in user may read it; 403 for outsiders, 404 for an unknown case. */
  private String caseOf(String reference) {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (signedIn == null || signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .noneMatch(MAY_READ::contains)) {
      throw new DocumentRefusedException(403, "not-on-the-foi-team", "user",
          "a case's documents are for the FOI team: officers, approvers and managers");
    }
    return statusQuery.byReference(reference).map(RequestStatus::processInstanceId)
        .orElseThrow(() -> new UnknownCaseException(reference));
  }

  private CaseDocument document(String processInstanceId, String id) {
    return documents.find(processInstanceId, id)
        .orElseThrow(() -> new CaseDocuments.NotFound("document", "the case has no document " + id));
  }

  private static PageArea area(NewRedaction given) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (given.page() == null || given.page() < 1) {
      problems.put("page", "is required for an area: the page number, from 1");
    }
    for (Object[] field : new Object[][] {{"x", given.x()}, {"y", given.y()}, {"width", given.width()}, {"height", given.height()}}) {
      Double value = (Double) field[1];
      if (value == null || value.isNaN() || value.isInfinite() || value < 0
          || (("width".equals(field[0]) || "height".equals(field[0])) && value <= 0)) {
        problems.put((String) field[0], "is required for an area: a number of points from the page's top left"
            + ("width".equals(field[0]) || "height".equals(field[0]) ? ", more than 0" : ""));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new PageArea(given.page(), given.x(), given.y(), given.width(), given.height());
  }

  private static ResponseEntity<byte[]> png(byte[] pdf, CaseDocument document, int page, Integer dpi) {
    if (page < 1 || page > document.pages()) {
      throw new CaseDocuments.NotFound("page", "the document has " + document.pages() + " page"
          + (document.pages() == 1 ? "" : "s") + ", not a page " + page);
    }
    if (dpi != null && (dpi < 36 || dpi > 200)) {
      throw new InvalidRequestException(Map.of("dpi", "must be between 36 and 200"));
    }
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(PageImages.png(pdf, page, dpi == null ? DEFAULT_DPI : dpi));
  }

  private static ResponseEntity<byte[]> attachment(String fileName, String contentType, byte[] content) {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(content);
  }

  static DocumentJson json(CaseDocument document) {
    return new DocumentJson(document.id(), document.fileName(), document.contentType(), document.size(),
        document.pages(), document.sha256(), document.addedBy(), DateTimeFormatter.ISO_INSTANT.format(document.addedAt()),
        document.decision().name(), document.exemptions(), document.redactions().stream()
        .map(redaction -> new RedactionJson(redaction.id(), redaction.exemption(), redaction.label(), redaction.text(),
            redaction.count(), areas(redaction.areas()), redaction.addedBy())).toList());
  }

  private static List<AreaJson> areas(List<PageArea> areas) {
    return areas.stream().map(area -> new AreaJson(area.page(), area.x(), area.y(), area.width(), area.height())).toList();
  }
}
