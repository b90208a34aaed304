package org.foiflow.reporting;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.clock.CaseClock;
import org.foiflow.csv.CsvSheet;
import org.foiflow.security.FoiGroups;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/statistics?from=YYYY-MM-DD&to=YYYY-MM-DD (default: the current quarter) for the FOI team: JSON, or
 * CSV (section,measure,value) with Accept: text/csv or format=csv. No personal data in either.
 */
@RestController
public class StatisticsController {

  private static final List<String> MAY_SEE = List.of(FoiGroups.MANAGERS, FoiGroups.OFFICERS, FoiGroups.APPROVERS);
  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final StatisticsQuery query;
  private final IdentityService identityService;
  private final CaseClock caseClock;

  public StatisticsController(StatisticsQuery query, IdentityService identityService, CaseClock caseClock) {
    this.query = query;
    this.identityService = identityService;
    this.caseClock = caseClock;
  }

  @GetMapping("/api/statistics")
  public ResponseEntity<?> statistics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                     @RequestParam(required = false) String format,
                                     @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    mayBeSeen(identityService);
    LocalDate today = caseClock.today();
    LocalDate quarterStart = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
    LocalDate start = from != null ? from : quarterStart;
    LocalDate end = to != null ? to : quarterStart.plusMonths(3).minusDays(1);
    if (start.isAfter(end)) {
      throw new InvalidRequestException(Map.of("from", "must not be after to (" + end + ")"));
    }
    if (format != null && !format.equals("csv") && !format.equals("json")) {
      throw new InvalidRequestException(Map.of("format", "must be json or csv"));
    }
    Statistics statistics = query.between(start, end);
    boolean csv = "csv".equals(format) || format == null && accept != null && accept.contains("text/csv");
    if (!csv) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(statistics);
    }
    return ResponseEntity.ok().contentType(CSV)
        .headers(headers -> headers.setContentDisposition(ContentDisposition.attachment()
            .filename("foi-statistics-" + start + "-to-" + end + ".csv", StandardCharsets.UTF_8).build()))
        .body(csv(statistics));
  }

  /** The statistics, and the Commissioner's return, are for the FOI team; anyone else is refused (403). */
  static void mayBeSeen(IdentityService identityService) {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(MAY_SEE::contains)) {
      throw new AuthorizationException("The statistics are for the FOI team (" + String.join(", ", MAY_SEE) + ")");
    }
  }

  /** One row per figure: section, measure, value. */
  static String csv(Statistics s) {
    CsvSheet sheet = CsvSheet.withHeader("section", "measure", "value");
    sheet.row("period", "from", s.from());
    sheet.row("period", "to", s.to());
    sheet.row("requests", "received", s.requests().received());
    sheet.row("requests", "answered", s.requests().answered());
    sheet.row("requests", "open", s.requests().open());
    sheet.row("requests", "closedWithoutResponse", s.requests().closedWithoutResponse());
    sheet.row("timeliness", "withinTwentyWorkingDays", s.timeliness().withinTwentyWorkingDays());
    sheet.row("timeliness", "withinPermittedExtension", s.timeliness().withinPermittedExtension());
    sheet.row("timeliness", "late", s.timeliness().late());
    sheet.row("timeliness", "onTimePercentage", s.timeliness().onTimePercentage());
    s.outcomes().forEach((outcome, count) -> sheet.row("outcomes", outcome, count));
    s.exemptions().forEach(cited -> sheet.row("exemptions", cited.code(), cited.cases()));
    sheet.row("extensions", "count", s.extensions().count());
    s.extensions().byKind().forEach((kind, count) -> sheet.row("extensions", kind, count));
    sheet.row("extensions", "averageWorkingDays", s.extensions().averageWorkingDays());
    sheet.row("extensions", "longestWorkingDays", s.extensions().longestWorkingDays());
    sheet.row("extensions", "publicInterestBeyondGuidance", s.extensions().publicInterestBeyondGuidance());
    sheet.row("internalReviews", "received", s.internalReviews().received());
    sheet.row("internalReviews", "lateRequests", s.internalReviews().lateRequests());
    sheet.row("internalReviews", "extended", s.internalReviews().extended());
    sheet.row("internalReviews", "pending", s.internalReviews().pending());
    sheet.row("internalReviews", "completedInTime", s.internalReviews().completedInTime());
    s.internalReviews().outcomes().forEach((outcome, count) -> sheet.row("internalReviews", outcome, count));
    sheet.row("icoComplaints", "received", s.icoComplaints().received());
    sheet.row("icoComplaints", "pending", s.icoComplaints().pending());
    sheet.row("icoComplaints", "stepsOrdered", s.icoComplaints().stepsOrdered());
    sheet.row("icoComplaints", "appealed", s.icoComplaints().appealed());
    for (Map.Entry<String, Long> decision : s.icoComplaints().decisions().entrySet()) {
      sheet.row("icoComplaints", decision.getKey(), decision.getValue());
    }
    s.lateResponsesByUnit().forEach(unit -> sheet.row("lateResponsesByUnit", unit.unit(), unit.cases()));
    return sheet.text();
  }
}
