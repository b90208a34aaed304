package org.foiflow.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.foiflow.clock.CaseClock;
import org.foiflow.intake.InvalidRequestException;
import org.foiflow.security.FoiGroups;
import org.springframework.format.annotation.DateTimeFormat;
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
  private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

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
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(MAY_SEE::contains)) {
      throw new AuthorizationException("The statistics are for the FOI team (" + String.join(", ", MAY_SEE) + ")");
    }
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
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"foi-statistics-" + start + "-to-" + end + ".csv\"")
        .body(csv(statistics));
  }

  /** One line per figure: section,measure,value. */
  static String csv(Statistics s) {
    List<String> lines = new ArrayList<>();
    lines.add("section,measure,value");
    lines.add("period,from," + s.from());
    lines.add("period,to," + s.to());
    lines.add("requests,received," + s.requests().received());
    lines.add("requests,answered," + s.requests().answered());
    lines.add("requests,open," + s.requests().open());
    lines.add("requests,closedWithoutResponse," + s.requests().closedWithoutResponse());
    lines.add("timeliness,withinTwentyWorkingDays," + s.timeliness().withinTwentyWorkingDays());
    lines.add("timeliness,withinPermittedExtension," + s.timeliness().withinPermittedExtension());
    lines.add("timeliness,late," + s.timeliness().late());
    lines.add("timeliness,onTimePercentage," + (s.timeliness().onTimePercentage() == null ? "" : s.timeliness().onTimePercentage()));
    s.outcomes().forEach((outcome, count) -> lines.add("outcomes," + outcome + "," + count));
    s.exemptions().forEach(cited -> lines.add("exemptions," + cited.code() + "," + cited.cases()));
    lines.add("extensions,count," + s.extensions().count());
    s.extensions().byKind().forEach((kind, count) -> lines.add("extensions," + kind + "," + count));
    lines.add("extensions,averageWorkingDays," + (s.extensions().averageWorkingDays() == null ? "" : s.extensions().averageWorkingDays()));
    lines.add("extensions,longestWorkingDays," + (s.extensions().longestWorkingDays() == null ? "" : s.extensions().longestWorkingDays()));
    lines.add("extensions,publicInterestBeyondGuidance," + s.extensions().publicInterestBeyondGuidance());
    lines.add("internalReviews,received," + s.internalReviews().received());
    lines.add("internalReviews,lateRequests," + s.internalReviews().lateRequests());
    lines.add("internalReviews,extended," + s.internalReviews().extended());
    lines.add("internalReviews,pending," + s.internalReviews().pending());
    lines.add("internalReviews,completedInTime," + s.internalReviews().completedInTime());
    s.internalReviews().outcomes().forEach((outcome, count) -> lines.add("internalReviews," + outcome + "," + count));
    lines.add("icoComplaints,received," + s.icoComplaints().received());
    lines.add("icoComplaints,pending," + s.icoComplaints().pending());
    lines.add("icoComplaints,stepsOrdered," + s.icoComplaints().stepsOrdered());
    lines.add("icoComplaints,appealed," + s.icoComplaints().appealed());
    for (Map.Entry<String, Long> decision : s.icoComplaints().decisions().entrySet()) {
      lines.add("icoComplaints," + decision.getKey() + "," + decision.getValue());
    }
    return String.join("\r\n", lines) + "\r\n";
  }
}
