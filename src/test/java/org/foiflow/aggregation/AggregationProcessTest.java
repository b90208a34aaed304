package org.foiflow.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.foiflow.clock.UkWorkingDays;
import org.foiflow.links.CaseLinks;
import org.foiflow.links.CaseLinks.Link;
import org.foiflow.links.LinkKind;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Triage in context through the real engine: aggregation for the cost limit (s.12, Fees Regulations 2004 reg 5),
 * repeated requests (s.14(2)), and the values the Triage task refuses. Each scenario's requesters and wording are
 * its own, so cases of other tests in the same database are never its candidates.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
@Import(ProcessEngineCoverageConfiguration.class)
class AggregationProcessTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Autowired
  ProcessEngine engine;
  @Autowired
  CaseLinks links;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  UkWorkingDays workingDays;

  @BeforeEach
  void engineInTheseTests() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private FoiCase logged(String requester, LocalDate receivedOn, String subject, String request) {
    VariableMap values = FoiCase.aRequest(requester, receivedOn).putValue("subject", subject)
        .putValue("requestText", request);
    return FoiCase.logged(engine, values);
  }

  private String taskVariable(FoiCase foi, String name) {
    return String.valueOf(engine.getTaskService().getVariable(foi.task("Triage").getId(), name));
  }

  private static void today(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(LONDON).toInstant()));
  }

  @Test
  void aggregatedWithinSixtyWorkingDaysAndRefusedUnderSection12() {
    FoiCase first = logged("Alice Aggregate", LocalDate.of(2026, 3, 2), "Parking fines 2024",
        "How many parking fines did the council issue in Lowfield ward in 2024, month by month?");
    // 10 hours at £25 is £250: under the £450 limit on its own
    first.triagedAs(Map.of("estimatedHours", 10));
    assertThat(first.instance()).isWaitingAt("LocateInformation");

    FoiCase second = logged("Alice Aggregate", LocalDate.of(2026, 3, 16), "Parking fines 2025",
        "How many parking fines did the council issue in Lowfield ward in 2025, and how many were cancelled?");
    assertThat(taskVariable(second, "aggregationCandidates"))
        .contains(first.reference() + " – Parking fines 2024 (received 2 March 2026, 10 hours)");
    assertThat(taskVariable(second, "requestContext"))
        .contains("[" + first.reference() + "](/cases/" + first.reference() + ")", "within 60 working days",
            "10 hours × £25 = £250, against the limit of £450");

    second.triagedAs(Map.of("estimatedHours", 10, "aggregateWith", List.of(first.reference())));
    // each under the limit, together 20 hours at £25: £500
    assertThat(second.instance()).hasNotPassed("LocateInformation").isWaitingAt("ApproveResponse");
    assertThat(second.variable("triageRoute")).isEqualTo("REFUSE_S12");
    assertThat(((Number) second.variable("aggregatedHours")).doubleValue()).isEqualTo(10.0);
    assertThat(jdbc.queryForObject("SELECT estimated_hours FROM foi_case WHERE reference = ?", BigDecimal.class,
        second.reference())).isEqualByComparingTo("10");

    Link fromSecond = links.of(second.reference()).get(0);
    assertThat(fromSecond.linkedReference()).isEqualTo(first.reference());
    assertThat(fromSecond.kind()).isEqualTo(LinkKind.AGGREGATED_WITH);
    assertThat(fromSecond.recordedBy()).isEqualTo(FoiCase.OFFICER);
    assertThat(links.of(first.reference())).extracting(Link::linkedReference, Link::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(second.reference(), LinkKind.AGGREGATED_WITH));

    assertThat(String.valueOf(second.variable("draftLetterText"))).contains(second.reference(),
        "Your requests taken together", first.reference() + ", received 2 March 2026 (Parking fines 2024):"
            + " estimated at 10 hours", "we estimate 20 hours of work", "£500", "regulation 5");
  }

  @Test
  void notAggregatedJustOutsideSixtyWorkingDaysAcrossABankHoliday() {
    LocalDate first = LocalDate.of(2026, 3, 2);
    // St Patrick's Day (a bank holiday in Northern Ireland, so not a working day anywhere in the UK), Good Friday,
    // Easter Monday and both May bank holidays fall between: Friday 29 May is the 60th working day, Monday 1 June
    // the 61st
    LocalDate sixtieth = LocalDate.of(2026, 5, 29);
    LocalDate sixtyFirst = LocalDate.of(2026, 6, 1);
    assertThat(workingDays.workingDaysIn(first, sixtieth)).isEqualTo(60);
    assertThat(workingDays.workingDaysIn(first, sixtyFirst)).isEqualTo(61);

    FoiCase earliest = logged("Wendy Window", first, "Street lighting faults",
        "Please send the number of street lighting faults reported on Beacon Road since 2020.");
    FoiCase onTheSixtieth = logged("Wendy Window", sixtieth, "Street lighting repairs",
        "Please send the time taken to repair each street lighting fault on Beacon Road since 2020.");
    FoiCase onTheSixtyFirst = logged("Wendy Window", sixtyFirst, "Street lighting costs",
        "Please send the cost of each street lighting repair on Beacon Road since 2020.");

    assertThat(taskVariable(onTheSixtieth, "aggregationCandidates")).contains(earliest.reference());
    assertThat(taskVariable(onTheSixtyFirst, "aggregationCandidates"))
        .contains(onTheSixtieth.reference()).doesNotContain(earliest.reference());
    assertThat(onTheSixtyFirst.refusedAt("Triage", FoiCase.triageAnswers(Map.of("estimatedHours", 12,
        "aggregateWith", List.of(earliest.reference())))))
        .containsKey("aggregateWith");
  }

  @Test
  void theContextIsReadAgainWhenAnOfficerClaimsTriage() {
    FoiCase first = logged("Clara Claims", LocalDate.of(2026, 3, 2), "Bus shelters 2024",
        "How many bus shelters did the council repair in Northfield ward in 2024?");
    FoiCase second = logged("Clara Claims", LocalDate.of(2026, 3, 9), "Bus shelters 2025",
        "How many bus shelters did the council repair in Northfield ward in 2025?");
    assertThat(taskVariable(second, "aggregationCandidates")).contains(first.reference(), "not estimated yet");

    first.triagedAs(Map.of("estimatedHours", 7));
    engine.getTaskService().claim(second.task("Triage").getId(), FoiCase.OFFICER);

    assertThat(taskVariable(second, "aggregationCandidates")).contains(first.reference() + " – Bus shelters 2024"
        + " (received 2 March 2026, 7 hours)");
  }

  @Test
  void aggregationDroppedWhenTriagedAgainAfterClarification() {
    today(LocalDate.of(2026, 3, 10));
    FoiCase first = logged("Dora Dropped", LocalDate.of(2026, 3, 2), "Grit bins 2024",
        "How many grit bins did the council refill in Eastfield ward in winter 2024?");
    first.triagedAs(Map.of("estimatedHours", 5));
    FoiCase second = logged("Dora Dropped", LocalDate.of(2026, 3, 9), "Grit bins 2025",
        "How many grit bins did the council refill in Eastfield ward in winter 2025?");
    second.triagedAs(Map.of("clarificationNeeded", true, "clarificationQuestion", "Which streets?",
        "aggregateWith", List.of(first.reference())));
    assertThat(links.of(second.reference())).extracting(Link::kind).containsExactly(LinkKind.AGGREGATED_WITH);

    today(LocalDate.of(2026, 3, 12));
    second.clarifiedOn(LocalDate.of(2026, 3, 11), "Only the bins on Church Street, please.");
    second.triagedAs(Map.of("estimatedHours", 2));

    // the officer did not aggregate this time: the earlier link goes, and nothing is added to the estimate
    assertThat(links.of(second.reference())).isEmpty();
    assertThat(((Number) second.variable("aggregatedHours")).doubleValue()).isZero();
  }

  @Test
  void actingInConcertOffersAnotherRequestersSimilarRequest() {
    String campaign = "Please publish the footfall figures for each branch library in Harbury considered for"
        + " closure, and the consultation responses about those closures.";
    FoiCase priya = logged("Priya Campaigner", LocalDate.of(2026, 4, 13), "Library closures", campaign);
    FoiCase quentin = logged("Quentin Campaigner", LocalDate.of(2026, 4, 20), "Library closures", campaign);

    assertThat(taskVariable(quentin, "aggregationCandidates")).contains(priya.reference());
    assertThat(taskVariable(quentin, "requestContext")).contains(priya.reference(),
        "another requester, similar information", "not estimated yet");

    quentin.triagedAs(Map.of("estimatedHours", 4, "aggregateWith", List.of(priya.reference())));
    // Priya's request is not estimated yet: it adds nothing, so the case goes on
    assertThat(((Number) quentin.variable("aggregatedHours")).doubleValue()).isZero();
    assertThat(quentin.instance()).isWaitingAt("LocateInformation");
    // the same text from two requesters is also a round robin: both links, from Quentin's request
    assertThat(links.of(priya.reference())).extracting(Link::linkedReference, Link::kind).containsExactlyInAnyOrder(
        tuple(quentin.reference(), LinkKind.ROUND_ROBIN), tuple(quentin.reference(), LinkKind.AGGREGATED_WITH));
  }

  @Test
  void refusedAsRepeatedRequestUnderSection14_2() {
    String request = "Please send the minutes of every planning committee meeting about the Northgate bypass.";
    today(LocalDate.of(2026, 6, 1));
    FoiCase earlier = logged("Rita Repeat", LocalDate.of(2026, 5, 11), "Northgate bypass minutes", request);
    earlier.validAndHeld().located().assessed("FULL").approved();
    assertThat(earlier.instance()).isEnded();

    today(LocalDate.of(2026, 6, 15));
    FoiCase again = logged("Rita Repeat", LocalDate.of(2026, 6, 15), "Northgate bypass minutes", request);
    assertThat(taskVariable(again, "repeatCandidates"))
        .contains(earlier.reference() + " – Northgate bypass minutes (received 11 May 2026, answered 1 June 2026)");
    assertThat(taskVariable(again, "requestContext")).contains("answered 1 June 2026 (9 working days ago)");

    again.triagedAs(Map.of("repeatedRequest", true, "repeatOf", earlier.reference(),
        "vexatiousReason", "We sent these minutes two weeks ago and nothing has changed since."));
    assertThat(again.variable("triageRoute")).isEqualTo("REFUSE_S14");
    assertThat(String.valueOf(again.variable("draftLetterText"))).contains("Section 14(2)",
        "Your earlier request, our reference " + earlier.reference() + ", which we received on 11 May 2026, was"
            + " answered on 1 June 2026");
    assertThat(links.of(again.reference())).extracting(Link::linkedReference, Link::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(earlier.reference(), LinkKind.REPEAT_OF));
  }

  @Test
  void aggregatingItselfAnUnknownOrAnUnrelatedRequestIsRefusedNamingTheField() {
    FoiCase unrelated = logged("Uma Unrelated", LocalDate.of(2026, 7, 6), "Allotment waiting list",
        "How long is the waiting list for an allotment at Cherry Tree gardens?");
    FoiCase foi = logged("Ben Bins", LocalDate.of(2026, 7, 8), "Bin collections missed",
        "How many bin collections were missed on Orchard Close during 2025?");
    assertThat(taskVariable(foi, "aggregationCandidates")).doesNotContain(unrelated.reference());

    for (String wrong : List.of(foi.reference(), "FOI-1999-00001", unrelated.reference())) {
      assertThat(foi.refusedAt("Triage", FoiCase.triageAnswers(Map.of("estimatedHours", 2,
          "aggregateWith", List.of(wrong))))).as(wrong).containsKey("aggregateWith");
    }
    assertThat(links.of(foi.reference())).isEmpty();
  }

  @Test
  void repeatOfAnotherRequestersOrAnUnansweredRequestIsRefusedNamingTheField() {
    String request = "Please send the grounds maintenance contract for Elmfield park.";
    FoiCase others = logged("Olga Other", LocalDate.of(2026, 7, 13), "Park contract", request);
    FoiCase open = logged("Ravi Repeat", LocalDate.of(2026, 7, 14), "Park contract", request);
    FoiCase foi = logged("Ravi Repeat", LocalDate.of(2026, 7, 20), "Park contract", request);

    Map<String, Object> repeated = FoiCase.triageAnswers(Map.of("repeatedRequest", true,
        "vexatiousReason", "Asked before.", "repeatOf", others.reference()));
    assertThat(foi.refusedAt("Triage", repeated).get("repeatOf")).contains("not an earlier request of the same requester");
    Map<String, Object> unanswered = new java.util.HashMap<>(repeated);
    unanswered.put("repeatOf", open.reference());
    assertThat(foi.refusedAt("Triage", unanswered).get("repeatOf")).contains("has not been answered");
    Map<String, Object> notRepeated = new java.util.HashMap<>(unanswered);
    notRepeated.put("repeatedRequest", false);
    assertThat(foi.refusedAt("Triage", notRepeated)).containsKey("repeatOf");
  }
}
