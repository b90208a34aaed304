package org.foiflow.disclosure;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.assessment.ExemptionCitation;
import org.foiflow.casefile.CaseConflictException;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.csv.CsvSheet;
import org.foiflow.drafting.AuthorityProfile;
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
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The public disclosure log: GET /disclosure-log (the page, templates/disclosure-log.html), /disclosure-log.json and /disclosure-log.csv
 * (the feeds), all without login and all searchable by text and date of response. They read only the
 * published table, which never holds a requester's details. POST /api/requests/{reference}/disclosure-log
 * (FOI officers) offers an older closed case for publication.
 */
@RestController
public class DisclosureLogController {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private static final int PAGE_SIZE = 20;
  private static final Map<String, String> OUTCOMES = Map.of("GRANTED_IN_FULL", "Granted in full",
      "GRANTED_IN_PART", "Granted in part");
  private static final Map<String, String> LABELS = Map.of("q", "Search words", "from", "Answered from",
      "to", "Answered to", "page", "Page", "size", "Page size");

  private final DisclosureLog log;
  private final DisclosureCandidates candidates;
  private final RequestStatusQuery statusQuery;
  private final ITemplateEngine templates;
  private final AuthorityProfile authority;

  public DisclosureLogController(DisclosureLog log, DisclosureCandidates candidates, RequestStatusQuery statusQuery,
                                 ITemplateEngine templates, AuthorityProfile authority) {
    this.log = log;
    this.candidates = candidates;
    this.statusQuery = statusQuery;
    this.templates = templates;
    this.authority = authority;
  }

  /** The page, rendered on the server so it reads without JavaScript; Thymeleaf escapes every text. */
  @GetMapping(value = "/disclosure-log", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> page(@RequestParam(required = false) String q,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String page) {
    Map<String, String> problems = new LinkedHashMap<>();
    LocalDate start = date("from", from, problems);
    LocalDate end = date("to", to, problems);
    int pageNumber = 0;
    if (page != null && !page.isBlank()) {
      try {
        pageNumber = Integer.parseInt(page.strip());
      } catch (NumberFormatException notANumber) {
        problems.put("page", "must be a whole number");
      }
    }
    String words = q == null || q.isBlank() ? null : q.strip();
    DisclosureLog.Page found = new DisclosureLog.Page(0, List.of());
    if (problems.isEmpty()) {
      try {
        found = search(words, start, end, pageNumber, PAGE_SIZE);
      } catch (InvalidRequestException invalid) {
        problems.putAll(invalid.problems());
      }
    }
    Context view = new Context(Locale.UK);
    view.setVariable("authority", authority.name());
    view.setVariable("q", words);
    view.setVariable("from", start);
    view.setVariable("to", end);
    view.setVariable("page", pageNumber);
    view.setVariable("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    view.setVariable("total", found.total());
    view.setVariable("entries", found.entries());
    view.setVariable("problems", problems.entrySet().stream()
        .map(problem -> LABELS.getOrDefault(problem.getKey(), problem.getKey()) + ": " + problem.getValue()).toList());
    view.setVariable("outcomes", OUTCOMES);
    Map<String, List<String>> sections = new LinkedHashMap<>();
    found.entries().forEach(entry -> sections.put(entry.reference(),
        entry.exemptions().stream().map(ExemptionCitation::of).toList()));
    view.setVariable("sections", sections);
    view.setVariable("jsonLink", link("/disclosure-log.json", words, start, end, null));
    view.setVariable("csvLink", link("/disclosure-log.csv", words, start, end, null));
    view.setVariable("previousLink", link("/disclosure-log", words, start, end, pageNumber - 1));
    view.setVariable("nextLink", link("/disclosure-log", words, start, end, pageNumber + 1));
    return ResponseEntity.status(problems.isEmpty() ? 200 : 400)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(templates.process("disclosure-log", view));
  }

  private static LocalDate date(String field, String value, Map<String, String> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (java.time.format.DateTimeParseException notADate) {
      problems.put(field, "must be a date as YYYY-MM-DD");
      return null;
    }
  }

  private static String link(String path, String q, LocalDate from, LocalDate to, Integer page) {
    UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
    if (q != null) {
      link.queryParam("q", q);
    }
    if (from != null) {
      link.queryParam("from", from);
    }
    if (to != null) {
      link.queryParam("to", to);
    }
    if (page != null) {
      link.queryParam("page", page);
    }
    return link.encode().build().toUriString();
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
    CsvSheet csv = CsvSheet.withHeader("reference", "regime", "outcome", "received_on", "responded_on",
        "published_on", "subject", "request", "response", "exemptions");
    int page = 0;
    DisclosureLog.Page found;
    do {
      found = search(q, from, to, page++, 500);
      for (DisclosureLog.Entry entry : found.entries()) {
        csv.row(entry.reference(), entry.regime(), entry.outcome(), entry.receivedOn(), entry.respondedOn(),
            entry.publishedOn(), entry.subject(), entry.request(), entry.response(), String.join(" ", entry.exemptions()));
      }
    } while ((long) page * 500 < found.total());
    return ResponseEntity.ok().contentType(CSV)
        .headers(headers -> headers.setContentDisposition(
            ContentDisposition.inline().filename("disclosure-log.csv", StandardCharsets.UTF_8).build()))
        .body(csv.text());
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
}
