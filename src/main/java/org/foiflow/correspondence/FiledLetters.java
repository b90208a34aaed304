package org.foiflow.correspondence;

import static org.foiflow.casefile.CaseVariable.LETTERS;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.drafting.PdfCopies;
import org.foiflow.release.ReleaseBundle;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The letters filed with one process instance (a case, or a review of it), as the API serves them: the index
 * with a link to each letter's HTML and PDF, and each letter, its PDF rendered from the filed HTML on every
 * download (no step files a PDF, see {@link CaseLetters}). Read from history as the caller, so a closed case's
 * letters stay available to whoever may read its history, until history cleanup removes them.
 */
@Component
public class FiledLetters {

  private final HistoryService historyService;
  private final PdfCopies pdfCopies;
  private final LettersByPost lettersByPost;
  private final ReleaseBundle releaseBundle;

  public FiledLetters(HistoryService historyService, PdfCopies pdfCopies, LettersByPost lettersByPost,
                      ReleaseBundle releaseBundle) {
    this.historyService = historyService;
    this.pdfCopies = pdfCopies;
    this.lettersByPost = lettersByPost;
    this.releaseBundle = releaseBundle;
  }

  /** The letters' index, each with the paths of its HTML and PDF under {@code basePath}. */
  public List<FiledLetter> index(String processInstanceId, String basePath) {
    HistoricVariableInstance index = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(LETTERS.key()).singleResult();
    List<FiledLetter> letters = new ArrayList<>();
    if (index != null && index.getValue() instanceof List<?> entries) {
      // the letters that went to post, the emails given up on included, and the day each was posted
      Map<String, LocalDate> postings = lettersByPost.postings(processInstanceId);
      for (Object entry : entries) {
        letters.add(FiledLetter.of(castMap(entry), basePath, postings));
      }
    }
    return letters;
  }

  public ResponseEntity<byte[]> html(String processInstanceId, String id, String whose) {
    FileValue html = filedHtml(processInstanceId, id, whose);
    return served(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8),
        ContentDisposition.inline().filename(html.getFilename(), StandardCharsets.UTF_8).build(),
        CaseLetters.content(html));
  }

  public ResponseEntity<byte[]> pdf(String processInstanceId, String id, String whose) {
    FileValue html = filedHtml(processInstanceId, id, whose);
    // a download, not shown in the tab: browsers' PDF viewers do not run in the sandbox every /api answer is
    // served in (security.ServedContentPolicy), and the officer prints or attaches the file anyway
    return served(MediaType.APPLICATION_PDF, ContentDisposition.attachment()
        .filename(html.getFilename().replaceFirst("\\.html$", ".pdf"), StandardCharsets.UTF_8).build(),
        pdfCopies.of(CaseLetters.content(html)));
  }

  /**
   * The letter followed by the copies released with it (a full or partial disclosure's), merged into one PDF to print
   * and post; any other letter alone.
   */
  public ResponseEntity<byte[]> pdfWithDocuments(String processInstanceId, String id, String whose) {
    FileValue html = filedHtml(processInstanceId, id, whose);
    String type = index(processInstanceId, "").stream().filter(letter -> id.equals(letter.id())).map(FiledLetter::type)
        .findFirst().orElse(null);
    byte[] printable = releaseBundle.printable(pdfCopies.of(CaseLetters.content(html)),
        releaseBundle.forLetter(processInstanceId, type));
    return served(MediaType.APPLICATION_PDF, ContentDisposition.attachment()
        .filename(html.getFilename().replaceFirst("\\.html$", "-with-documents.pdf"), StandardCharsets.UTF_8).build(),
        printable);
  }

  private FileValue filedHtml(String processInstanceId, String id, String whose) {
    HistoricVariableInstance stored = id.matches("letter\\d+") ? historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(id + "Html").disableCustomObjectDeserialization()
        .singleResult() : null;
    if (stored == null || !(stored.getTypedValue() instanceof FileValue file)) {
      throw new UnknownCaseException(whose + " letter " + id);
    }
    return file;
  }

  private static ResponseEntity<byte[]> served(MediaType type, ContentDisposition disposition, byte[] body) {
    // Spring quotes and encodes the name, so a filed name cannot add header parameters or lines
    return ResponseEntity.ok().contentType(type).headers(headers -> headers.setContentDisposition(disposition))
        .body(body);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object entry) {
    return (Map<String, Object>) entry;
  }
}
