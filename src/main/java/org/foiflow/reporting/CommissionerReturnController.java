package org.foiflow.reporting;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.Jurisdiction;
import org.foiflow.clock.CaseClock;
import org.foiflow.csv.CsvSheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/statistics/commissioner-return?year=2026&amp;quarter=3: the Scottish Information Commissioner's quarterly
 * return (quarters of the financial year, {@link ReturnQuarter}; default the current one), for the FOI team like the
 * statistics: JSON, or CSV (section,measure,value) with Accept: text/csv or format=csv.
 *
 * <p>A UK installation answers 404: the Information Commissioner collects no quarterly return from authorities, and
 * the UK figures (the government's categories) are already at /api/statistics, which the problem names.
 */
@RestController
public class CommissionerReturnController {

  private final CommissionerReturnQuery query;
  private final IdentityService identityService;
  private final CaseClock caseClock;
  private final Jurisdiction jurisdiction;

  public CommissionerReturnController(CommissionerReturnQuery query, IdentityService identityService,
                                      CaseClock caseClock, Jurisdiction jurisdiction) {
    this.query = query;
    this.identityService = identityService;
    this.caseClock = caseClock;
    this.jurisdiction = jurisdiction;
  }

  @GetMapping("/api/statistics/commissioner-return")
  public ResponseEntity<?> commissionerReturn(@RequestParam(required = false) Integer year,
                                              @RequestParam(required = false) Integer quarter,
                                              @RequestParam(required = false) String format,
                                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    StatisticsController.mayBeSeen(identityService);
    if (jurisdiction != Jurisdiction.SCOTLAND) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "The Commissioner's quarterly "
          + "return is for Scottish public authorities (foiflow.jurisdiction: scotland). This installation answers "
          + "under FOIA and the EIR: its quarterly figures are at /api/statistics.");
      problem.setTitle("No Scottish Information Commissioner's return here");
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
    if (format != null && !format.equals("csv") && !format.equals("json")) {
      throw new InvalidRequestException(Map.of("format", "must be json or csv"));
    }
    if ((year == null) != (quarter == null)) {
      throw new InvalidRequestException(Map.of(year == null ? "year" : "quarter",
          "give both year and quarter, or neither for the current quarter"));
    }
    ReturnQuarter period = year == null ? ReturnQuarter.of(caseClock.today()) : new ReturnQuarter(year, quarter);
    CommissionerReturn figures = query.of(period);
    boolean csv = "csv".equals(format) || format == null && accept != null && accept.contains("text/csv");
    if (!csv) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(figures);
    }
    return ResponseEntity.ok().contentType(StatisticsController.CSV)
        .headers(headers -> headers.setContentDisposition(ContentDisposition.attachment()
            .filename("commissioner-return-" + period.year() + "-q" + period.quarter() + ".csv",
                StandardCharsets.UTF_8).build()))
        .body(csv(figures));
  }

  /** One row per figure: section (the regime, or the regime and part), measure, value. */
  static String csv(CommissionerReturn r) {
    CsvSheet sheet = CsvSheet.withHeader("section", "measure", "value");
    sheet.row("period", "financialYear", r.financialYear());
    sheet.row("period", "quarter", r.quarter());
    sheet.row("period", "from", r.from());
    sheet.row("period", "to", r.to());
    for (CommissionerReturn.Figures f : new CommissionerReturn.Figures[] {r.foisa(), r.eisr()}) {
      String law = f.regime();
      sheet.row(law, "received", f.received());
      sheet.row(law, "respondedTo", f.respondedTo());
      sheet.row(law, "respondedWithinTimeLimit", f.respondedWithinTimeLimit());
      f.outcomes().forEach((outcome, count) -> sheet.row(law + " outcomes", outcome, count));
      f.exemptionsApplied().forEach(cited -> sheet.row(law + " exemptionsApplied", cited.code(), cited.cases()));
      sheet.row(law + " reviews", "received", f.reviews().received());
      f.reviews().outcomes().forEach((outcome, count) -> sheet.row(law + " reviews", outcome, count));
      sheet.row(law, "applicationsToCommissioner", f.applicationsToCommissioner());
    }
    return sheet.text();
  }
}
