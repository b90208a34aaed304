package org.foiflow.correspondence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.foiflow.drafting.PdfCopies;
import org.foiflow.intake.RequestStatus;
import org.foiflow.intake.RequestStatusQuery;
import org.foiflow.intake.UnknownCaseException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The letters of a case: GET /api/requests/{reference}/letters lists them; each is fetched as text/html or
 * application/pdf (by Accept header, or by the .html / .pdf suffix), the PDF rendered from the filed HTML. Read
 * from history, so closed cases' letters stay available until history cleanup removes the case.
 */
@RestController
public class LetterController {

  private final HistoryService historyService;
  private final RequestStatusQuery statusQuery;
  private final PdfCopies pdfCopies;

  public LetterController(HistoryService historyService, RequestStatusQuery statusQuery, PdfCopies pdfCopies) {
    this.historyService = historyService;
    this.statusQuery = statusQuery;
    this.pdfCopies = pdfCopies;
  }

  @GetMapping("/api/requests/{reference}/letters")
  public List<Map<String, Object>> letters(@PathVariable String reference) {
    String processInstanceId = caseOf(reference).processInstanceId();
    HistoricVariableInstance index = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName("letters").singleResult();
    List<Map<String, Object>> letters = new ArrayList<>();
    if (index != null && index.getValue() instanceof List<?> entries) {
      for (Object entry : entries) {
        Map<String, Object> letter = new LinkedHashMap<>(castMap(entry));
        String base = "/api/requests/" + reference + "/letters/" + letter.get("id");
        letter.put("html", base + ".html");
        letter.put("pdf", base + ".pdf");
        letters.add(letter);
      }
    }
    return letters;
  }

  @GetMapping(value = "/api/requests/{reference}/letters/{id}", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<byte[]> html(@PathVariable String reference, @PathVariable String id) {
    FileValue html = filedHtml(reference, id.replaceFirst("\\.html$", ""));
    return inline(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8), html.getFilename(),
        CaseLetters.content(html));
  }

  /** The PDF is rendered from the filed HTML on each download: the case files no PDF (see {@link CaseLetters}). */
  @GetMapping(value = "/api/requests/{reference}/letters/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
  public ResponseEntity<byte[]> pdf(@PathVariable String reference, @PathVariable String id) {
    FileValue html = filedHtml(reference, id.replaceFirst("\\.pdf$", ""));
    return inline(MediaType.APPLICATION_PDF, html.getFilename().replaceFirst("\\.html$", ".pdf"),
        pdfCopies.of(CaseLetters.content(html)));
  }

  @GetMapping("/api/requests/{reference}/letters/{id}.html")
  public ResponseEntity<byte[]> htmlFile(@PathVariable String reference, @PathVariable String id) {
    return html(reference, id);
  }

  @GetMapping("/api/requests/{reference}/letters/{id}.pdf")
  public ResponseEntity<byte[]> pdfFile(@PathVariable String reference, @PathVariable String id) {
    return pdf(reference, id);
  }

  private FileValue filedHtml(String reference, String id) {
    String processInstanceId = caseOf(reference).processInstanceId();
    HistoricVariableInstance stored = id.matches("letter\\d+") ? historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(id + "Html").disableCustomObjectDeserialization()
        .singleResult() : null;
    if (stored == null || !(stored.getTypedValue() instanceof FileValue file)) {
      throw new UnknownCaseException(reference + " letter " + id);
    }
    return file;
  }

  private static ResponseEntity<byte[]> inline(MediaType type, String fileName, byte[] body) {
    return ResponseEntity.ok().contentType(type).header("Content-Disposition", "inline; filename=\"" + fileName + "\"")
        .body(body);
  }

  private RequestStatus caseOf(String reference) {
    return statusQuery.byReference(reference).orElseThrow(() -> new UnknownCaseException(reference));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object entry) {
    return (Map<String, Object>) entry;
  }
}
