package org.foiflow.correspondence;

import java.util.List;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.intake.RequestStatus;
import org.foiflow.intake.RequestStatusQuery;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The letters of a case: GET /api/requests/{reference}/letters lists them; each is fetched as text/html or
 * application/pdf (by Accept header, or by the .html / .pdf suffix), the PDF rendered from the filed HTML;
 * {@code ?withDocuments=true} gives a response letter followed by the copies released with it, one PDF to print. Read
 * from history, so closed cases' letters stay available until history cleanup removes the case.
 */
@RestController
public class LetterController {

  private final RequestStatusQuery statusQuery;
  private final FiledLetters filedLetters;

  public LetterController(RequestStatusQuery statusQuery, FiledLetters filedLetters) {
    this.statusQuery = statusQuery;
    this.filedLetters = filedLetters;
  }

  @GetMapping("/api/requests/{reference}/letters")
  public List<FiledLetter> letters(@PathVariable String reference) {
    return filedLetters.index(caseOf(reference), "/api/requests/" + reference + "/letters");
  }

  @GetMapping(value = "/api/requests/{reference}/letters/{id}", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<byte[]> html(@PathVariable String reference, @PathVariable String id) {
    return filedLetters.html(caseOf(reference), id.replaceFirst("\\.html$", ""), reference);
  }

  @GetMapping(value = "/api/requests/{reference}/letters/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
  public ResponseEntity<byte[]> pdf(@PathVariable String reference, @PathVariable String id,
                                    @RequestParam(defaultValue = "false") boolean withDocuments) {
    String letter = id.replaceFirst("\\.pdf$", "");
    return withDocuments ? filedLetters.pdfWithDocuments(caseOf(reference), letter, reference)
        : filedLetters.pdf(caseOf(reference), letter, reference);
  }

  @GetMapping("/api/requests/{reference}/letters/{id}.html")
  public ResponseEntity<byte[]> htmlFile(@PathVariable String reference, @PathVariable String id) {
    return html(reference, id);
  }

  @GetMapping("/api/requests/{reference}/letters/{id}.pdf")
  public ResponseEntity<byte[]> pdfFile(@PathVariable String reference, @PathVariable String id,
                                        @RequestParam(defaultValue = "false") boolean withDocuments) {
    return pdf(reference, id, withDocuments);
  }

  private String caseOf(String reference) {
    return statusQuery.byReference(reference).map(RequestStatus::processInstanceId)
        .orElseThrow(() -> new UnknownCaseException(reference));
  }
}
