package org.foiflow.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.drafting.LetterFormats;
import org.foiflow.security.FoiTeam;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The staff search page, GET /cases: templates/cases.html, rendered on the server so it needs no script; every
 * value goes in with th:text, which escapes it. The same search as GET /api/requests; a search it cannot answer
 * gives the page with the problems named, status 400.
 */
@Controller
public class CaseSearchPage {

  /** The outcomes a closed case records (as the statistics report them), for the outcome list. */
  static final List<String> OUTCOMES = List.of("GRANTED_IN_FULL", "GRANTED_IN_PART", "WITHHELD_IN_FULL", "NOT_HELD",
      "NCND", "REFUSED_S12", "REFUSED_S14", "LAPSED", "WITHDRAWN", "REDIRECTED_SAR");
  private static final Map<String, String> LABELS = Map.of("q", "Search words", "status", "Cases",
      "receivedFrom", "Received from", "receivedTo", "Received to", "outcome", "Outcome", "exemption", "Exemption",
      "page", "Page", "size", "Results a page");

  private final CaseSearch search;
  private final IdentityService identityService;

  public CaseSearchPage(CaseSearch search, IdentityService identityService) {
    this.search = search;
    this.identityService = identityService;
  }

  /** One case as the page shows it: dates written out the UK way, the outcome in words. */
  public record Row(String reference, String subject, String requesterName, LocalDate receivedOn, String received,
                    LocalDate dueOn, String due, String stage, String outcome) {

    static Row of(CaseSearch.Item item) {
      LetterFormats uk = LetterFormats.INSTANCE;
      return new Row(item.reference(), item.subject(), item.requesterName(), item.receivedOn(),
          uk.date(item.receivedOn()), item.dueOn(), uk.date(item.dueOn()), item.stage(), outcomeInWords(item.outcome()));
    }
  }

  /** An outcome in the list: its code and its words. */
  public record Choice(String value, String label) {
  }

  @GetMapping(value = "/cases", produces = MediaType.TEXT_HTML_VALUE)
  public ModelAndView page(SearchParameters parameters) {
    FoiTeam.requireMember(identityService, "The case search page");
    Map<String, String> asked = parameters.filters();

    List<String> problems = new ArrayList<>();
    SearchQuery query = null;
    CaseSearch.Found found = new CaseSearch.Found(0, List.of());
    try {
      query = parameters.query();
      found = search.find(query);
      // a date typed the UK way goes back as ISO, the only value a date input shows
      if (query.receivedFrom() != null) {
        asked.put("receivedFrom", query.receivedFrom().toString());
      }
      if (query.receivedTo() != null) {
        asked.put("receivedTo", query.receivedTo().toString());
      }
    } catch (InvalidRequestException invalid) {
      invalid.problems().forEach((field, problem) -> problems.add(LABELS.getOrDefault(field, field) + ": " + problem));
    }
    int pageNumber = query == null ? 0 : query.page();
    int size = query == null ? SearchQuery.DEFAULT_SIZE : query.size();
    long pages = (found.total() + size - 1) / size;

    ModelAndView view = new ModelAndView("cases");
    view.setStatus(problems.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
    view.addObject("asked", asked);
    view.addObject("status", query == null ? asked.getOrDefault("status", "all") : query.status().name());
    view.addObject("outcomes", OUTCOMES.stream().map(code -> new Choice(code, outcomeInWords(code))).toList());
    view.addObject("problems", problems);
    view.addObject("total", found.total());
    view.addObject("rows", found.items().stream().map(Row::of).toList());
    view.addObject("page", pageNumber);
    view.addObject("pages", pages);
    view.addObject("previousLink", link(asked, pageNumber - 1));
    view.addObject("nextLink", link(asked, pageNumber + 1));
    return view;
  }

  /** GRANTED_IN_PART as "Granted in part"; NCND and the section numbers kept as written. */
  static String outcomeInWords(String code) {
    if (code == null) {
      return null;
    }
    String words = code.replace('_', ' ').toLowerCase(Locale.ROOT).replace("ncnd", "NCND (neither confirm nor deny)")
        .replace(" s12", " (s.12 cost limit)").replace(" s14", " (s.14 vexatious)").replace(" sar", " (subject access)");
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String link(Map<String, String> asked, int page) {
    UriComponentsBuilder link = UriComponentsBuilder.fromPath("/cases");
    asked.forEach(link::queryParam);
    link.queryParam("page", page);
    return link.encode().build().toUriString();
  }
}
