package org.foiflow.disclosure;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.casefile.CaseConflictException;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.csv.CsvSheet;
import org.foiflow.documents.ReleasedCopy;
import org.foiflow.release.ReleaseBundle;
import org.foiflow.intake.RequestStatusQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public disclosure log's feeds, /disclosure-log.json and /disclosure-log.csv, without login and searchable
 * by text and date of response (the page is {@link DisclosureLogPage}), and the released copies an entry offers. They read only the published table,
 * which never holds a requester's details. POST /api/requests/{reference}/disclosure-log (FOI officers) offers
 * an older closed case for publication.
 */
@RestController
public class DisclosureLogController {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  private static final int CSV_BATCH = 500;

  private final DisclosureLog log;
  private final DisclosureCandidates candidates;
  private final RequestStatusQuery statusQuery;
  private final ReleaseBundle releaseBundle;

  public DisclosureLogController(DisclosureLog log, DisclosureCandidates candidates, RequestStatusQuery statusQuery,
                                 ReleaseBundle releaseBundle) {
    this.log = log;
    this.candidates = candidates;
    this.statusQuery = statusQuery;
    this.releaseBundle = releaseBundle;
  }

  @GetMapping(value = "/disclosure-log.json", produces = MediaType.APPLICATION_JSON_VALUE)
  public DisclosureLog.Page json(@RequestParam(required = false) String q,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
    return log.search(q, from, to, page, size);
  }

  @GetMapping(value = "/disclosure-log.csv")
  public ResponseEntity<String> csv(@RequestParam(required = false) String q,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    CsvSheet csv = CsvSheet.withHeader("reference", "regime", "outcome", "received_on", "responded_on",
        "published_on", "subject", "request", "response", "exemptions");
    int page = 0;
    DisclosureLog.Page found;
    do {
      found = log.search(q, from, to, page++, CSV_BATCH);
      for (DisclosureLog.Entry entry : found.entries()) {
        csv.row(entry.reference(), entry.regime(), entry.outcome(), entry.receivedOn(), entry.respondedOn(),
            entry.publishedOn(), entry.subject(), entry.request(), entry.response(), String.join(" ", entry.exemptions()));
      }
    } while ((long) page * CSV_BATCH < found.total());
    return ResponseEntity.ok().contentType(CSV)
        .headers(headers -> headers.setContentDisposition(
            ContentDisposition.inline().filename("disclosure-log.csv", StandardCharsets.UTF_8).build()))
        .body(csv.text());
  }

  /**
   * A released copy a published entry offers, without login: only a document the entry lists (the copies released
   * to the requester when it was published, burned in), never an original or a withheld document.
   */
  @GetMapping("/disclosure-log/{reference}/documents/{documentId}.pdf")
  public ResponseEntity<?> document(@PathVariable String reference, @PathVariable String documentId) {
    Optional<ReleasedCopy> copy = log.publishedDocument(reference, documentId)
        .flatMap(published -> releaseBundle.copy(published.processInstanceId(), published.documentId()));
    if (copy.isEmpty()) {
      return ResponseEntity.status(404).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
          .body("The disclosure log offers no document at this address.");
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header("X-Content-Type-Options", "nosniff")
        .headers(headers -> headers.setContentDisposition(
            ContentDisposition.inline().filename(copy.get().fileName(), StandardCharsets.UTF_8).build()))
        .body(copy.get().pdf());
  }

  @PostMapping("/api/requests/{reference}/disclosure-log")
  public ResponseEntity<OfferedEntry> offer(@PathVariable String reference) {
    statusQuery.byReference(reference).orElseThrow(() -> new UnknownCaseException(reference));
    ProcessInstance started = candidates.offer(reference, Variables.createVariables());
    if (started == null) {
      throw new CaseConflictException(reference + " is already waiting for an officer to approve its disclosure log entry");
    }
    return ResponseEntity.status(201).body(new OfferedEntry(reference, started.getId()));
  }

  /** An older release offered for the log: the case and the approval process now waiting for an officer. */
  public record OfferedEntry(String reference, String processInstanceId) {
  }
}
