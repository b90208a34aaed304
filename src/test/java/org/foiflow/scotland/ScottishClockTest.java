package org.foiflow.scotland;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CostLimit;
import org.foiflow.clock.ScottishWorkingDays;
import org.foiflow.clock.UkWorkingDays;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Scottish authority's statutory clock through the real engine: FOISA s.73 working days, the EISR reg 7 extension,
 * no public interest extension under FOISA, and the Scottish fees (SSI 2004/467): £15 an hour, free to £100, 10% of
 * the cost to £600, refused under s.12 over £600.
 */
@ScottishAuthority
class ScottishClockTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  UkWorkingDays workingDays;
  @Autowired
  CostLimit costLimit;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void engineInTheseTests() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private static void itIs(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(LONDON).toInstant()));
  }

  /** A request received on the day given, logged that day (the engine's clock set to it). */
  private FoiCase logged(String name, String regime, LocalDate receivedOn) {
    itIs(receivedOn);
    return FoiCase.logged(engine, FoiCase.aRequest(name, receivedOn).putValue("regime", regime));
  }

  private static Map<String, Object> triage(String regime, double estimatedHours) {
    return Map.of("regime", regime, "estimatedHours", estimatedHours);
  }

  private HttpResponse<String> extend(String reference, String body) throws Exception {
    return http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + "/api/requests/" + reference
        + "/extension", "POST", body, "olivia", "demo").build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theInstallationCountsScotlandsWorkingDaysAndCostLimit() {
    assertThat(workingDays).isInstanceOf(ScottishWorkingDays.class);
    assertThat(costLimit).isEqualTo(new CostLimit(15, 600));
  }

  @Test
  void dueDatesSkipScotlandsBankHolidaysAndCountEasterMonday() {
    // Christmas: 25 and 28 December 2026, 1 and 4 January 2027 are not working days in Scotland
    FoiCase christmas = logged("Ailsa Christmas", "FOISA", LocalDate.of(2026, 12, 10));
    assertThat(christmas.variable("dueOn")).isEqualTo("2027-01-13");
    assertThat(christmas.task("Triage").getDueDate())
        .isEqualTo(Date.from(LocalDate.of(2027, 1, 13).atTime(23, 59, 59).atZone(LONDON).toInstant()));
    // St Andrew's Day, Monday 30 November 2026
    assertThat(logged("Andrew Kerr", "FOISA", LocalDate.of(2026, 11, 16)).variable("dueOn")).isEqualTo("2026-12-15");
    // Easter Monday 6 April 2026 is a working day in Scotland (a FOIA case would be due on 24 April)
    assertThat(logged("Eilidh Pasch", "EISR", LocalDate.of(2026, 3, 25)).variable("dueOn")).isEqualTo("2026-04-23");
  }

  @Test
  void feeBetweenHundredAndSixHundredPoundsStopsTheClockUntilPaid() {
    LocalDate received = LocalDate.of(2026, 11, 16);
    FoiCase foi = logged("Fergus Payne", "FOISA", received);
    assertThat(foi.variable("dueOn")).isEqualTo("2026-12-15");
    assertThat(foi.variable("hourlyRatePounds")).isEqualTo(15);
    assertThat(foi.variable("costLimitPounds")).isEqualTo(600);

    // 20 hours at £15 = £300: nothing for the first £100, 10% of the other £200 = £20
    itIs(LocalDate.of(2026, 11, 18));
    foi.triagedAs(triage("FOISA", 20));
    assertThat(foi.instance()).hasPassed("DecideTriageRoute", "SendFeesNotice").isWaitingAt("AwaitingFee");
    assertThat(foi.variable("triageRoute")).isEqualTo("FEES_NOTICE");
    assertThat(((Number) foi.variable("feePounds")).doubleValue()).isEqualTo(20.0);
    assertThat((String) foi.variable("feeDetails")).contains("£300.00", "first £100", "£200.00", "10%");
    assertThat(foi.variable("clock")).isEqualTo("PAUSED");
    assertThat(foi.variable("feesNoticeGivenOn")).isEqualTo("2026-11-18");

    // paid on Friday 20 November: 18, 19 and 20 November do not count (s.9(3)), so 15 December moves 3 working days
    itIs(LocalDate.of(2026, 11, 20));
    foi.feePaidOn(LocalDate.of(2026, 11, 20), 20);
    assertThat(foi.instance()).hasPassed("ResumeClockAfterFee").isWaitingAt("LocateInformation");
    assertThat(foi.variable("clock")).isEqualTo("RUNNING");
    assertThat(foi.variable("dueOn")).isEqualTo("2026-12-18");
  }

  @Test
  void aRequestCostingHundredPoundsOrLessGoesOnWithoutAFee() {
    FoiCase foi = logged("Niamh Free", "FOISA", LocalDate.of(2026, 11, 16));
    itIs(LocalDate.of(2026, 11, 18));
    foi.triagedAs(triage("FOISA", 6.5)); // £97.50
    assertThat(foi.variable("triageRoute")).isEqualTo("LOCATE");
    assertThat(foi.variable("feePounds")).isNull();
  }

  @Test
  void atExactlySixHundredPoundsTheFeeIsFiftyPounds() {
    FoiCase foi = logged("Calum Limit", "EISR", LocalDate.of(2026, 11, 16));
    itIs(LocalDate.of(2026, 11, 18));
    foi.triagedAs(triage("EISR", 40)); // £600: not over the limit
    assertThat(foi.variable("triageRoute")).isEqualTo("FEES_NOTICE");
    assertThat(((Number) foi.variable("feePounds")).doubleValue()).isEqualTo(50.0);
  }

  @Test
  void refusedUnderSection12OverSixHundredPounds() {
    FoiCase foi = logged("Isla Overcost", "FOISA", LocalDate.of(2026, 11, 16));
    itIs(LocalDate.of(2026, 11, 18));
    foi.triagedAs(triage("FOISA", 40.5)); // £607.50 at £15 an hour (it would be £1,012.50 at the UK's £25)
    assertThat(foi.instance()).hasPassed("DecideTriageRoute").hasNotPassed("SendFeesNotice");
    assertThat(foi.variable("triageRoute")).isEqualTo("REFUSE_S12");
    assertThat(foi.variable("feePounds")).isNull();
  }

  @Test
  void eisrRegulation7ExtensionTo40WorkingDays() throws Exception {
    FoiCase foi = logged("Rory Burn", "EISR", LocalDate.of(2026, 3, 25));
    assertThat(foi.variable("dueOn")).isEqualTo("2026-04-23");
    itIs(LocalDate.of(2026, 4, 1));

    HttpResponse<String> publicInterest = extend(foi.reference(), "{\"kind\":\"PUBLIC_INTEREST\",\"reason\":\"Weighing "
        + "the public interest\",\"exemption\":\"reg 10(5)(a)\",\"extendedDueOn\":\"2026-05-14\"}");
    assertThat(publicInterest.statusCode()).isEqualTo(400);
    assertThat(json.readTree(publicInterest.body()).path("errors").path("kind").asText())
        .contains("EISR have no public interest extension");

    HttpResponse<String> extended = extend(foi.reference(),
        "{\"kind\":\"EIR_COMPLEX\",\"reason\":\"Ten years of flood survey data across four catchments\"}");
    assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
    JsonNode given = json.readTree(extended.body());
    // 40 working days from 25 March 2026 on Scotland's calendar: Easter Monday counts, 4 May does not
    assertThat(given.path("dueOn").asText()).isEqualTo("2026-05-22");
    assertThat(given.path("originalDueOn").asText()).isEqualTo("2026-04-23");
    assertThat(foi.variable("dueOn")).isEqualTo("2026-05-22");
    assertThat(foi.variable("originalDueOn")).isEqualTo("2026-04-23");
  }

  @Test
  void noPublicInterestExtensionUnderFoisa() throws Exception {
    FoiCase foi = logged("Hamish Wait", "FOISA", LocalDate.of(2026, 11, 16));
    itIs(LocalDate.of(2026, 11, 18));

    HttpResponse<String> overTheApi = extend(foi.reference(), "{\"kind\":\"PUBLIC_INTEREST\",\"reason\":\"Weighing "
        + "the public interest in s.30\",\"exemption\":\"s.30\",\"extendedDueOn\":\"2027-01-20\"}");
    assertThat(overTheApi.statusCode()).isEqualTo(400);
    assertThat(overTheApi.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(overTheApi.body()).path("errors").path("kind").asText())
        .contains("FOISA has no public interest extension", "20 working days");
    HttpResponse<String> complex = extend(foi.reference(),
        "{\"kind\":\"EIR_COMPLEX\",\"reason\":\"A great many files\"}");
    assertThat(complex.statusCode()).isEqualTo(400);
    assertThat(json.readTree(complex.body()).path("errors").path("kind").asText())
        .contains("FOISA has no public interest extension");

    // the engine's own door: the DeadlineExtension message, as an administrator or a script would send it
    Throwable refused = catchThrowable(() -> engine.getRuntimeService().createMessageCorrelation("DeadlineExtension")
        .processInstanceBusinessKey(foi.reference())
        .setVariable("extensionKind", "PUBLIC_INTEREST")
        .setVariable("extensionReason", "Weighing the public interest")
        .setVariable("extendedDueOn", "2027-01-20")
        .correlate());
    Throwable cause = refused;
    while (cause != null && !(cause instanceof CaseDataInvalidException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as(String.valueOf(refused)).isInstanceOf(CaseDataInvalidException.class);
    assertThat(((CaseDataInvalidException) cause).problems().get("extensionKind"))
        .contains("FOISA has no public interest extension");

    assertThat(foi.variable("dueOn")).isEqualTo("2026-12-15");
    assertThat(foi.variable("originalDueOn")).isNull();
    assertThat(foi.variable("extendedDueOn")).isNull();
  }
}
