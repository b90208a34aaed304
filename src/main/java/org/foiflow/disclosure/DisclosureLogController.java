package org.foiflow.disclosure;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.intake.InvalidRequestException;
import org.foiflow.intake.RequestStatusQuery;
import org.foiflow.intake.UnknownCaseException;
import org.foiflow.review.CaseConflictException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public disclosure log: GET /disclosure-log (the page), /disclosure-log.json and /disclosure-log.csv
 * (the feeds), all without login and all searchable by text and date of response. They read only the
 * published table, which never holds a requester's details. POST /api/requests/{reference}/disclosure-log
 * (FOI officers) offers an older closed case for publication.
 */
@RestController
public class DisclosureLogController {

  private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final DisclosureLog log;
  private final DisclosureCandidates candidates;
  private final RequestStatusQuery statusQuery;

  public DisclosureLogController(DisclosureLog log, DisclosureCandidates candidates, RequestStatusQuery statusQuery) {
    this.log = log;
    this.candidates = candidates;
    this.statusQuery = statusQuery;
  }

  @GetMapping(value = "/disclosure-log", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<byte[]> page() throws IOException {
    try (InputStream in = new ClassPathResource("static/disclosure-log.html").getInputStream()) {
      return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
          .body(in.readAllBytes());
    }
  }

  @GetMapping(value = "/disclosure-log.json", produces = MediaType.APPLICATION_JSON_VALUE)
  public DisclosureLog.Page json(@RequestParam(required = false) String q,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
    return search(q, from, to, page, size);
  }

  @GetMapping(value = "/disclosure-log.csv")
  public ResponseEntity<String> csv(@RequestParam(required = false) String q,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    StringBuilder csv = new StringBuilder("reference,regime,outcome,received_on,responded_on,published_on,subject,"
        + "request,response,exemptions\r\n");
    int page = 0;
    DisclosureLog.Page found;
    do {
      found = search(q, from, to, page++, 500);
      for (DisclosureLog.Entry entry : found.entries()) {
        csv.append(String.join(",", Csv.cells(entry.reference(), entry.regime(), entry.outcome(), entry.receivedOn(),
            entry.respondedOn(), entry.publishedOn(), entry.subject(), entry.request(), entry.response(),
            String.join(" ", entry.exemptions())))).append("\r\n");
      }
    } while ((long) page * 500 < found.total());
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"disclosure-log.csv\"").body(csv.toString());
  }

  @PostMapping("/api/requests/{reference}/disclosure-log")
  public ResponseEntity<Map<String, Object>> offer(@PathVariable String reference) {
    statusQuery.byReference(reference).orElseThrow(() -> new UnknownCaseException(reference));
    ProcessInstance started = candidates.offer(reference, Variables.createVariables());
    if (started == null) {
      throw new CaseConflictException(reference + " is already waiting for an officer to approve its disclosure log entry");
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("reference", reference);
    answer.put("processInstanceId", started.getId());
    return ResponseEntity.status(201).body(answer);
  }

  private DisclosureLog.Page search(String q, LocalDate from, LocalDate to, int page, int size) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (page < 0) {
      problems.put("page", "must be 0 or more");
    }
    if (size < 1 || size > 500) {
      problems.put("size", "must be between 1 and 500");
    }
    if (from != null && to != null && from.isAfter(to)) {
      problems.put("from", "must not be after to (" + to + ")");
    }
    if (q != null && q.length() > 200) {
      problems.put("q", "at most 200 characters");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return log.search(q, from, to, page, size);
  }

  /** RFC 4180 cells; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe. */
  static final class Csv {
    private Csv() {
    }

    static List<String> cells(Object... values) {
      return java.util.Arrays.stream(values).map(Csv::cell).toList();
    }

    static String cell(Object value) {
      String text = value == null ? "" : value.toString();
      if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
        text = "'" + text;
      }
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
  }
}
