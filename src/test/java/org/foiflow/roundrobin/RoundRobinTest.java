package org.foiflow.roundrobin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.foiflow.http.StaffBrowser;
import org.foiflow.links.CaseLinks;
import org.foiflow.links.LinkKind;
import org.foiflow.process.FoiCase;
import org.foiflow.security.StaffDoors;
import org.foiflow.security.StaffDoors.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Round robins through the real engine: the same request from several requesters becomes one set, handled by one
 * officer, whose first decision is the others' starting point while each is still decided and approved on its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class RoundRobinTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
  /** Campaigns' requests, long as such letters are, each about something else so that the tests' sets do not mix. */
  private static final String REGENERATION = "Under the Freedom of Information Act 2000 please provide the following"
      + " information about the Riverside regeneration programme run by the council during the last three financial"
      + " years: the total expenditure on consultants, contractors and temporary agency staff engaged for the"
      + " programme; every business case, options appraisal and feasibility study produced before procurement began;"
      + " minutes of meetings of the programme board, steering group and cabinet member briefings where delivery"
      + " risks, slippage or overspend were discussed; correspondence with central government departments about"
      + " grant conditions, clawback and monitoring returns; the number of complaints received from residents,"
      + " businesses and councillors, broken down by ward and quarter; internal audit reports, risk registers and"
      + " lessons learned reviews; and any legal advice summaries that the council has already published.";
  private static final String LIBRARIES = "I would like to know how many public libraries your authority closed,"
      + " merged or handed to volunteer groups since April 2019, naming each branch, its weekly opening hours"
      + " before and after, annual visitor numbers, book issues, computer sessions, children's reading events,"
      + " staffing headcount, building maintenance backlog, rental income from community rooms, the equality"
      + " impact assessments carried out, public consultation responses, petitions received, and the savings"
      + " forecast against those actually achieved, together with any report presented to scrutiny committees.";
  private static final String CAMERAS = "Could you disclose for each enforcement camera watching bus lanes,"
      + " yellow box junctions and school streets: its location, installation date, manufacturer, purchase price,"
      + " annual maintenance contract value, penalty charge notices issued monthly, appeals lodged, appeals upheld"
      + " by adjudicators, revenue collected, signage audits, calibration certificates, privacy impact assessments,"
      + " retention periods for footage, data sharing agreements with police, and any supplier invoices disputed.";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  CaseLinks caseLinks;


  private StaffDoors doors;

  @BeforeEach
  void doors() {
    doors = new StaffDoors(port, engine.getName());
  }

  /** The campaign's text as one requester sends it: their own greeting and, from WhatDoTheyKnow, its footer. */
  private static String asSentBy(String campaign, String name, int number) {
    String greeting = List.of("Dear Sir or Madam,", "Dear FOI team,", "Hello,", "To whom it may concern,",
        "Dear Information Governance Team,").get(number % 5);
    String footer = number % 2 == 0 ? "\n\nYours faithfully,\n\n" + name
        : "\n\nYours faithfully,\n\n" + name + "\n\n-------------------------------------------------------------------"
        + "\n\nPlease use this email address for all replies to this request:\nrequest-" + (812000 + number)
        + "-" + Integer.toHexString(0xa1b2c3 + number) + "@whatdotheyknow.com";
    return greeting + "\n\n" + campaign + footer;
  }

  private FoiCase sent(String name, LocalDate receivedOn, String requestText) {
    VariableMap request = FoiCase.aRequest(name, receivedOn);
    request.putValue("subject", "Programme costs");
    request.putValue("requestText", requestText);
    return FoiCase.logged(engine, request);
  }

  private String setOf(FoiCase foi) {
    return jdbc.queryForObject("SELECT round_robin_id FROM foi_case WHERE reference = ?", String.class, foi.reference());
  }

  private List<FoiCase> campaign(String campaign, String... names) {
    LocalDate first = TODAY.minusDays(60);
    return IntStream.range(0, names.length)
        .mapToObj(i -> sent(names[i], first.plusDays(i), asSentBy(campaign, names[i], i))).toList();
  }

  private JsonNode json(Answer answer, int status) throws Exception {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    return JSON.readTree(answer.body());
  }

  @Test
  void roundRobinOfFiveRequestersHandledByOneOfficer() throws Exception {
    List<FoiCase> five = campaign(REGENERATION, "Alice Archer", "Bilal Baker", "Chen Carter",
        "Dora Dunn", "Eamon Ellis");
    FoiCase late = sent("Farah Fox", TODAY.minusDays(60).plusDays(45), asSentBy(REGENERATION, "Farah Fox", 5));
    FoiCase different = sent("Gwen Gray", TODAY.minusDays(58), "Please send me the council's policy on grass"
        + " verge cutting and the schedule of cuts for each ward this summer.");

    String id = setOf(five.get(0));
    assertThat(id).isNotNull();
    assertThat(five).allSatisfy(member -> assertThat(setOf(member)).isEqualTo(id));
    assertThat(setOf(late)).as("received 41 days after the last of them").isNull();
    assertThat(setOf(different)).as("another request").isNull();
    assertThat(caseLinks.of(five.get(0).reference())).extracting(CaseLinks.Link::kind)
        .containsOnly(LinkKind.ROUND_ROBIN).hasSize(4);
    assertThat(caseLinks.of(five.get(3).reference())).extracting(CaseLinks.Link::linkedReference)
        .containsExactly(five.get(0).reference());

    JsonNode set = json(doors.foiflow("oscar", "GET", "/api/round-robins/" + id, null), 200);
    assertThat(set.path("firstReference").asText()).isEqualTo(five.get(0).reference());
    assertThat(set.path("members").findValuesAsText("reference"))
        .containsExactlyElementsOf(five.stream().map(FoiCase::reference).toList());
    assertThat(set.path("members").get(1).path("requesterName").asText()).isEqualTo("Bilal Baker");
    assertThat(set.path("members").get(0).path("receivedOn").asText()).isEqualTo(TODAY.minusDays(60).toString());
    JsonNode listed = json(doors.foiflow("maya", "GET", "/api/round-robins", null), 200);
    assertThat(listed.path("items").findValuesAsText("id")).contains(id);

    // one officer: every open officer task of the set is hers, and so is each one created later
    JsonNode given = json(doors.foiflow("maya", "PUT", "/api/round-robins/" + id + "/officer",
        "{\"officer\":\"olivia\",\"version\":" + set.path("version").asInt() + "}"), 200);
    assertThat(given.path("officer").asText()).isEqualTo("olivia");
    assertThat(five).allSatisfy(member -> assertThat(member.task("Triage").getAssignee()).isEqualTo(FoiCase.OFFICER));
    assertThat(late.task("Triage").getAssignee()).isNull();
    five.get(1).validAndHeld();
    assertThat(five.get(1).task("LocateInformation").getAssignee()).isEqualTo(FoiCase.OFFICER);
    // a second change made from the version read before the first is refused
    Answer stale = doors.foiflow("olivia", "PUT", "/api/round-robins/" + id + "/officer",
        "{\"officer\":\"oscar\",\"version\":" + set.path("version").asInt() + "}");
    assertThat(stale.status()).as(stale.body()).isEqualTo(409);

    // the first decision becomes the others' starting point
    FoiCase first = five.get(0).validAndHeld().located().assessed("PART", "s40-2");
    JsonNode applied = json(doors.foiflow("olivia", "POST", "/api/round-robins/" + id + "/starting-point",
        "{\"from\":\"" + first.reference() + "\"}"), 200);
    List<String> appliedTo = new ArrayList<>();
    applied.path("appliedTo").forEach(reference -> appliedTo.add(reference.asText()));
    assertThat(appliedTo).containsExactlyElementsOf(five.subList(1, 5).stream().map(FoiCase::reference).toList());

    FoiCase second = five.get(1).located();
    String assessment = second.task("AssessExemptions").getId();
    assertThat(second.task("AssessExemptions").getAssignee()).isEqualTo(FoiCase.OFFICER);
    assertThat(engine.getTaskService().getVariable(assessment, "exemptions")).asString().contains("s40-2");
    assertThat(engine.getTaskService().getVariable(assessment, "disclosureScope")).isEqualTo("PART");
    assertThat(engine.getTaskService().getProcessInstanceComments(second.instance().getId()))
        .extracting(Comment::getFullMessage).anySatisfy(note -> assertThat(note)
            .startsWith("Starting point: the decision on " + first.reference()));

    // still its own decision and approval: nothing moved on until its officer completes it, and only an approver approves
    assertThat(five.get(2).task("Triage")).isNotNull();
    second.assessed("PART", "s40-2");
    String approval = second.task("ApproveResponse").getId();
    assertThat(second.task("ApproveResponse").getAssignee()).isNull();
    second.as(FoiCase.OFFICER, () -> assertThatThrownBy(() -> engine.getTaskService().claim(approval, FoiCase.OFFICER))
        .isInstanceOf(ProcessEngineException.class));
    second.approved();
    assertThat(second.variable("outcome")).isEqualTo("GRANTED_IN_PART");
  }

  @Test
  void theSameRequesterAskingTwiceIsNotARoundRobin() {
    String text = "Please send the structural survey of the harbour wall, the repair tender documents and the"
        + " contractor's programme of works, with the cost of each phase and the dates the quay will be closed.";
    FoiCase once = sent("Ivan Irwin", TODAY.minusDays(20), text);
    FoiCase again = sent("Ivan Irwin", TODAY.minusDays(10), text);
    assertThat(setOf(once)).isNull();
    assertThat(setOf(again)).isNull();
  }

  @Test
  void badInputIsNamedAndOnlyOfficersAndManagersChangeASet() throws Exception {
    List<FoiCase> two = campaign(LIBRARIES, "Jo Jones", "Kim Kaur");
    FoiCase outsider = sent("Lee Long", TODAY.minusDays(3), "Please send the minutes of the licensing committee.");
    String id = setOf(two.get(0));
    assertThat(id).isNotNull();
    String officer = "/api/round-robins/" + id + "/officer";
    String start = "/api/round-robins/" + id + "/starting-point";

    JsonNode notAnOfficer = json(doors.foiflow("maya", "PUT", officer, "{\"officer\":\"amira\"}"), 400);
    assertThat(notAnOfficer.path("errors").has("officer")).isTrue();
    assertThat(json(doors.foiflow("maya", "PUT", officer, "{\"officer\":\"nobody\"}"), 400).path("errors").has("officer")).isTrue();
    assertThat(json(doors.foiflow("olivia", "POST", start, "{\"from\":\"" + outsider.reference() + "\"}"), 400)
        .path("errors").path("from").asText()).contains("not one of the requests");
    assertThat(json(doors.foiflow("olivia", "POST", start, "{\"from\":\"" + two.get(0).reference() + "\"}"), 400)
        .path("errors").path("from").asText()).contains("no decision yet");
    assertThat(json(doors.foiflow("olivia", "GET", "/api/round-robins/RR-FOI-1999-00000", null), 404)
        .path("id").asText()).isEqualTo("RR-FOI-1999-00000");

    assertThat(doors.foiflow("amira", "PUT", officer, "{\"officer\":\"olivia\"}").status()).isEqualTo(403);
    assertThat(doors.foiflow("amira", "GET", "/api/round-robins/" + id, null).status()).isEqualTo(200);
    assertThat(doors.foiflow("hugo", "GET", "/api/round-robins/" + id, null).status()).isEqualTo(403);
    assertThat(doors.foiflow("hugo", "GET", "/api/round-robins", null).status()).isEqualTo(403);
    assertThat(jdbc.queryForObject("SELECT officer FROM foi_round_robin WHERE id = ?", String.class, id)).isNull();
  }

  @Test
  void theRoundRobinPageShowsTheSetAndGivesItAnOfficer() throws Exception {
    List<FoiCase> three = campaign(CAMERAS, "Mia Moss", "Nia Noble", "Owen Oakes");
    String id = setOf(three.get(0));
    StaffBrowser browser = new StaffBrowser(port);
    browser.signIn("olivia", "demo");
    String page = browser.get("/round-robins/" + id).body();
    assertThat(page).contains("href=\"/cases/" + three.get(1).reference() + "\"", "Nia Noble",
        java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK).format(TODAY.minusDays(60)),
        "No officer has been chosen yet.");

    var refused = browser.postForm("/round-robins/" + id + "/officer", "officer=amira&version=0");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("class=\"field-error\"", "amira is not an FOI officer");

    var given = browser.follow(browser.postForm("/round-robins/" + id + "/officer", "officer=oscar&version=0"));
    assertThat(given.body()).contains("Handled by Oscar Owen (oscar)");
    assertThat(three).allSatisfy(member -> assertThat(member.task("Triage").getAssignee()).isEqualTo(FoiCase.SECOND_OFFICER));

    // the list of round robins shows the set as one, with its officer
    String all = browser.get("/round-robins").body();
    assertThat(all).contains("href=\"/round-robins/" + id + "\"", "Oscar Owen (oscar)");
    StaffBrowser unit = new StaffBrowser(port);
    unit.signIn("hugo", "demo");
    assertThat(unit.get("/round-robins").statusCode()).isEqualTo(403);
  }
}
