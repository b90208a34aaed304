package org.foiflow.disclosure;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foiflow.assessment.ExemptionCitation;
import org.foiflow.casefile.GivenDates;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.Regime;
import org.foiflow.drafting.AuthorityProfile;
import org.foiflow.drafting.LetterFormats;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public disclosure log page, GET /disclosure-log without login: templates/disclosure-log.html, rendered on
 * the server so it reads without JavaScript; the template puts every value in with th:text, which escapes it.
 * A search it cannot answer gives the page with the problems named, status 400.
 */
@Controller
public class DisclosureLogPage {

  private static final int PAGE_SIZE = 20;
  private static final Map<String, String> OUTCOMES = Map.of("GRANTED_IN_FULL", "Granted in full",
      "GRANTED_IN_PART", "Granted in part");
  private static final Map<String, String> LABELS = Map.of("q", "Search words", "from", "Answered from",
      "to", "Answered to", "page", "Page", "size", "Page size");

  private final DisclosureLog log;
  private final AuthorityProfile authority;

  public DisclosureLogPage(DisclosureLog log, AuthorityProfile authority) {
    this.log = log;
    this.authority = authority;
  }

  /** One published entry as the page shows it: outcome, law and exemptions in words, dates written out. */
  public record Row(String reference, String subject, String outcome, String law, LocalDate receivedOn,
                    String received, LocalDate respondedOn, String answered, List<String> exemptions,
                    String request, String response, List<DisclosureLog.Document> documents) {

    static Row of(DisclosureLog.Entry entry) {
      LetterFormats uk = LetterFormats.INSTANCE;
      return new Row(entry.reference(),
          entry.subject() != null && !entry.subject().isBlank() ? entry.subject() : entry.reference(),
          OUTCOMES.getOrDefault(entry.outcome(), entry.outcome()),
          Regime.of(entry.regime()).title(),
          entry.receivedOn(), uk.date(entry.receivedOn()), entry.respondedOn(), uk.date(entry.respondedOn()),
          entry.exemptions().stream().map(ExemptionCitation::of).toList(), entry.request(), entry.response(),
          entry.documents());
    }
  }

  @GetMapping(value = "/disclosure-log", produces = MediaType.TEXT_HTML_VALUE)
  public ModelAndView page(@RequestParam(required = false) String q,
                           @RequestParam(required = false) String from,
                           @RequestParam(required = false) String to,
                           @RequestParam(required = false) String page) {
    Map<String, String> problems = new LinkedHashMap<>();
    LocalDate start = GivenDates.typed("from", from, problems);
    LocalDate end = GivenDates.typed("to", to, problems);
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
        found = log.search(words, start, end, pageNumber, PAGE_SIZE);
      } catch (InvalidRequestException invalid) {
        problems.putAll(invalid.problems());
      }
    }
    ModelAndView view = new ModelAndView("disclosure-log");
    view.setStatus(problems.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
    view.addObject("authority", authority.name());
    view.addObject("q", words);
    view.addObject("from", start);
    view.addObject("to", end);
    view.addObject("page", pageNumber);
    view.addObject("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    view.addObject("total", found.total());
    view.addObject("rows", found.entries().stream().map(Row::of).toList());
    view.addObject("problems", problems.entrySet().stream()
        .map(problem -> LABELS.getOrDefault(problem.getKey(), problem.getKey()) + ": " + problem.getValue()).toList());
    view.addObject("jsonLink", link("/disclosure-log.json", words, start, end, null));
    view.addObject("csvLink", link("/disclosure-log.csv", words, start, end, null));
    view.addObject("previousLink", link("/disclosure-log", words, start, end, pageNumber - 1));
    view.addObject("nextLink", link("/disclosure-log", words, start, end, pageNumber + 1));
    return view;
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
}
