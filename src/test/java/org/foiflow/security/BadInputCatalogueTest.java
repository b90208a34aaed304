package org.foiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.http.StaffBrowser;
import org.foiflow.incoming.MailboxMessages;
import org.foiflow.mailbox.MailFiling;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The catalogue of bad input, over HTTP against the running app: each gets a specific 4xx whose body names
 * what is wrong, and afterwards the database holds exactly what it held before (process instances, tasks,
 * variables, history, case index).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCatalogueTest {

  record Bad(String what, String method, String path, String contentType, String body, String user,
             int status, String names) {
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  MailFiling filing;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();
  private String openCase;
  private String closedCase;
  private String eirCase;
  private String clarifyingCase;
  private String clarificationTask;
  private String feeCase;
  private String triageTask;
  private String completedTask;
  private String approvalAssessedByOlivia;
  private String assessmentTask;
  private String opinionTask;
  private String heldMessage;
  private String sortTask;
  private String newCorrespondenceTask;
  private String openContribution;
  private String answeredContribution;
  private String roundRobin;

  @BeforeAll
  void casesToSpoil() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    FoiCase open = FoiCase.logged(engine, FoiCase.aRequest("Open Case", today));
    openCase = open.reference();
    triageTask = open.task("Triage").getId();
    FoiCase closed = FoiCase.logged(engine, FoiCase.aRequest("Closed Case", today))
        .triagedAs(Map.of("informationHeld", false));
    completedTask = closed.task("ApproveResponse").getId();
    closed.approved();
    closedCase = closed.reference();
    approvalAssessedByOlivia = FoiCase.logged(engine, FoiCase.aRequest("Assessed Case", today)).validAndHeld().located()
        .assessed("FULL").task("ApproveResponse").getId();
    assessmentTask = FoiCase.logged(engine, FoiCase.aRequest("Assessing Case", today)).validAndHeld().located()
        .task("AssessExemptions").getId();
    opinionTask = FoiCase.logged(engine, FoiCase.aRequest("Opinion Case", today)).validAndHeld().located()
        .assessed("WITHHOLD", "s36").harmShown("WOULD_BE_LIKELY").task("QualifiedPersonOpinion").getId();
    var eir = FoiCase.aRequest("Eir Case", today);
    eir.putValue("regime", "EIR");
    eirCase = FoiCase.logged(engine, eir).reference();
    FoiCase clarifying = FoiCase.logged(engine, FoiCase.aRequest("Clarifying Case", today))
        .triagedAs(Map.of("clarificationNeeded", true, "clarificationQuestion", "Which years?"));
    clarifyingCase = clarifying.reference();
    clarificationTask = clarifying.task("AwaitingClarification").getId();
    feeCase = FoiCase.logged(engine, FoiCase.aRequest("Fee Case", today))
        .triagedAs(Map.of("feesPayable", true, "feePounds", 20, "feeDetails", "Copying")).reference();
    MailboxMessages mailbox = new MailboxMessages(engine, jdbc, filing);
    MailboxMessages.Filed held = mailbox.file(MailboxMessages.Email.from("Hana Held", "hana@example.org",
        "A question", "Please send me the bin collection contracts."), Instant.now());
    heldMessage = held.id();
    sortTask = taskOf(held.process().getId(), "SortCorrespondence");
    MailboxMessages.Filed toOpenCase = mailbox.file(MailboxMessages.Email.from("Open Case", "open@example.org",
        "Re: " + openCase, "One more thing."), Instant.now());
    newCorrespondenceTask = taskOf(toOpenCase.process().getId(), "NewCorrespondence");
    FoiCase asking = FoiCase.logged(engine, FoiCase.aRequest("Asking Case", today)).validAndHeld()
        .askedUnits(FoiCase.HIGHWAYS, FoiCase.CCTV).unitHandedBack(FoiCase.CCTV, FoiCase.CCTV_MEMBER, "Parks");
    openContribution = (String) engine.getRuntimeService().getVariable(
        asking.unitTask(FoiCase.HIGHWAYS).getExecutionId(), "contributionId");
    answeredContribution = jdbc.queryForObject("SELECT id FROM foi_contribution WHERE reference = ?"
        + " AND unit_group_id = ?", String.class, asking.reference(), FoiCase.CCTV);
    String campaign = "Please send the council's contract with its parking enforcement supplier, the penalty charge"
        + " notices it issued each month since January 2024, and its last three monthly performance reports.";
    for (String name : List.of("Rob Round", "Rhea Robin")) {
      var sent = FoiCase.aRequest(name, today);
      sent.putValue("requestText", campaign);
      roundRobin = jdbc.queryForObject("SELECT round_robin_id FROM foi_case WHERE reference = ?", String.class,
          FoiCase.logged(engine, sent).reference());
    }
  }

  /** The open task of an incoming-correspondence process, once its waiting steps (if any) have run. */
  private String taskOf(String processInstanceId, String taskKey) {
    engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
        .singleResult().getId();
  }

  private List<Bad> catalogue() {
    String json = "application/json";
    String future = LocalDate.now().plusDays(5).toString();
    // each test context's engine has its own name; the engine's REST API addresses it by that name
    String rest = "/engine-rest/engine/" + engine.getName();
    String ok = "\"requester\":{\"name\":\"A\",\"email\":\"a@b.org\"},\"request\":\"x\"";
    List<Bad> bad = new ArrayList<>();
    // intake API
    bad.add(new Bad("malformed JSON", "POST", "/api/requests", json, "{\"requester\": ", "olivia", 400, "body"));
    bad.add(new Bad("empty body", "POST", "/api/requests", json, "", "olivia", 400, "body"));
    bad.add(new Bad("a JSON array", "POST", "/api/requests", json, "[1,2]", "olivia", 400, "body"));
    bad.add(new Bad("no requester", "POST", "/api/requests", json, "{\"request\":\"x\"}", "olivia", 400, "requester"));
    bad.add(new Bad("requester is text", "POST", "/api/requests", json, "{\"requester\":\"Ann\",\"request\":\"x\"}", "olivia", 400, "requester"));
    bad.add(new Bad("no name", "POST", "/api/requests", json, "{\"requester\":{\"email\":\"a@b.org\"},\"request\":\"x\"}", "olivia", 400, "requester.name"));
    bad.add(new Bad("blank name", "POST", "/api/requests", json, "{\"requester\":{\"name\":\" \",\"email\":\"a@b.org\"},\"request\":\"x\"}", "olivia", 400, "requester.name"));
    bad.add(new Bad("name is a list", "POST", "/api/requests", json, "{\"requester\":{\"name\":[1],\"email\":\"a@b.org\"},\"request\":\"x\"}", "olivia", 400, "requester.name"));
    bad.add(new Bad("no request", "POST", "/api/requests", json, "{\"requester\":{\"name\":\"A\",\"email\":\"a@b.org\"}}", "olivia", 400, "request"));
    bad.add(new Bad("request is an object", "POST", "/api/requests", json, "{\"requester\":{\"name\":\"A\",\"email\":\"a@b.org\"},\"request\":{}}", "olivia", 400, "request"));
    bad.add(new Bad("no address for correspondence", "POST", "/api/requests", json, "{\"requester\":{\"name\":\"A\"},\"request\":\"x\"}", "olivia", 400, "requester.email"));
    bad.add(new Bad("not an email", "POST", "/api/requests", json, "{\"requester\":{\"name\":\"A\",\"email\":\"nope\"},\"request\":\"x\"}", "olivia", 400, "requester.email"));
    bad.add(new Bad("received in the future", "POST", "/api/requests", json, "{" + ok + ",\"receivedOn\":\"" + future + "\"}", "olivia", 400, "receivedOn"));
    bad.add(new Bad("impossible date", "POST", "/api/requests", json, "{" + ok + ",\"receivedOn\":\"2026-02-30\"}", "olivia", 400, "receivedOn"));
    bad.add(new Bad("received before 2000", "POST", "/api/requests", json, "{" + ok + ",\"receivedOn\":\"1999-12-31\"}", "olivia", 400, "receivedOn"));
    bad.add(new Bad("received in the year 1", "POST", "/api/requests", json, "{" + ok + ",\"receivedOn\":\"0001-01-01\"}", "olivia", 400, "receivedOn"));
    bad.add(new Bad("British date format", "POST", "/api/requests", json, "{" + ok + ",\"receivedOn\":\"02/11/2026\"}", "olivia", 400, "receivedOn"));
    bad.add(new Bad("unknown regime", "POST", "/api/requests", json, "{" + ok + ",\"regime\":\"GDPR\"}", "olivia", 400, "regime"));
    bad.add(new Bad("unknown channel", "POST", "/api/requests", json, "{" + ok + ",\"channel\":\"FAX\"}", "olivia", 400, "channel"));
    bad.add(new Bad("oversized name", "POST", "/api/requests", json, "{\"requester\":{\"name\":\"" + "N".repeat(201) + "\",\"email\":\"a@b.org\"},\"request\":\"x\"}", "olivia", 400, "requester.name"));
    bad.add(new Bad("oversized address", "POST", "/api/requests", json, "{\"requester\":{\"name\":\"A\",\"postalAddress\":\"" + "a".repeat(501) + "\"},\"request\":\"x\"}", "olivia", 400, "requester.postalAddress"));
    bad.add(new Bad("oversized request", "POST", "/api/requests", json, "{\"requester\":{\"name\":\"A\",\"email\":\"a@b.org\"},\"request\":\"" + "x".repeat(20001) + "\"}", "olivia", 400, "request"));
    bad.add(new Bad("form-encoded body", "POST", "/api/requests", "application/x-www-form-urlencoded", "name=A", "olivia", 415, "Content-Type"));
    bad.add(new Bad("unknown reference", "GET", "/api/requests/FOI-2026-99999", json, null, "olivia", 404, "reference"));
    // deadline view and extensions
    bad.add(new Bad("unknown deadline status", "GET", "/api/deadlines?status=LATE", json, null, "maya", 400, "status"));
    bad.add(new Bad("page size zero", "GET", "/api/deadlines?size=0", json, null, "maya", 400, "size"));
    bad.add(new Bad("unknown sort", "GET", "/api/deadlines?sort=requester", json, null, "maya", 400, "sort"));
    bad.add(new Bad("extension without reason", "POST", "/api/requests/" + openCase + "/extension", json, "{\"kind\":\"PUBLIC_INTEREST\",\"exemption\":\"s31\",\"extendedDueOn\":\"2027-06-01\"}", "olivia", 400, "reason"));
    bad.add(new Bad("extension of unknown kind", "POST", "/api/requests/" + openCase + "/extension", json, "{\"kind\":\"FOREVER\",\"reason\":\"r\"}", "olivia", 400, "kind"));
    bad.add(new Bad("extension of a closed case", "POST", "/api/requests/" + closedCase + "/extension", json, "{\"kind\":\"PUBLIC_INTEREST\",\"reason\":\"r\",\"exemption\":\"s31\",\"extendedDueOn\":\"2027-06-01\"}", "olivia", 400, "reference"));
    bad.add(new Bad("public interest extension of an EIR case", "POST", "/api/requests/" + eirCase + "/extension", json, "{\"kind\":\"PUBLIC_INTEREST\",\"reason\":\"r\",\"exemption\":\"s31\",\"extendedDueOn\":\"2027-06-01\"}", "olivia", 400, "kind"));
    bad.add(new Bad("extension of an unknown case", "POST", "/api/requests/FOI-2026-99999/extension", json, "{\"kind\":\"EIR_COMPLEX\",\"reason\":\"r\"}", "olivia", 404, "reference"));
    // the process through the engine's REST API
    bad.add(new Bad("triage completed with nothing", "POST", rest + "/task/" + triageTask + "/complete", json, "{\"variables\":{}}", "olivia", 400, "validRequest"));
    bad.add(new Bad("triage with an unknown regime", "POST", rest + "/task/" + triageTask + "/complete", json, "{\"variables\":{\"regime\":{\"value\":\"GDPR\"}}}", "olivia", 400, "regime"));
    bad.add(new Bad("triage with hours as words", "POST", rest + "/task/" + triageTask + "/complete", json, "{\"variables\":{\"regime\":{\"value\":\"FOIA\"},\"estimatedHours\":{\"value\":\"lots\"}}}", "olivia", 400, "estimatedHours"));
    bad.add(new Bad("triage with negative hours", "POST", rest + "/task/" + triageTask + "/complete", json, "{\"variables\":{\"regime\":{\"value\":\"FOIA\"},\"estimatedHours\":{\"value\":-3}}}", "olivia", 400, "estimatedHours"));
    bad.add(new Bad("triage with hours not a number", "POST", rest + "/task/" + triageTask + "/complete", json, "{\"variables\":{\"regime\":{\"value\":\"FOIA\"},\"estimatedHours\":{\"value\":\"NaN\"}}}", "olivia", 400, "estimatedHours"));
    bad.add(new Bad("triage with infinite hours", "POST", rest + "/task/" + triageTask + "/complete", json, "{\"variables\":{\"regime\":{\"value\":\"FOIA\"},\"estimatedHours\":{\"value\":\"Infinity\",\"type\":\"Double\"}}}", "olivia", 400, "estimatedHours"));
    String assessment = "\"disclosureScope\":{\"value\":\"WITHHOLD\"},\"assessmentNotes\":{\"value\":\"Law enforcement.\"}";
    bad.add(new Bad("an exemption code over 32 characters", "POST", rest + "/task/" + assessmentTask + "/complete", json, "{\"variables\":{" + assessment + ",\"exemptions\":{\"value\":\"[\\\"s31\\\",\\\"" + "s31-".repeat(10) + "\\\"]\",\"type\":\"Json\"}}}", "olivia", 400, "exemptions"));
    bad.add(new Bad("an exemption code as one long text", "POST", rest + "/task/" + assessmentTask + "/complete", json, "{\"variables\":{" + assessment + ",\"exemptions\":{\"value\":\"" + "s31-".repeat(10) + "\"}}}", "olivia", 400, "exemptions"));
    bad.add(new Bad("an exemption the catalogue does not know", "POST", rest + "/task/" + assessmentTask + "/complete", json, "{\"variables\":{" + assessment + ",\"exemptions\":{\"value\":\"[\\\"s99\\\"]\",\"type\":\"Json\"}}}", "olivia", 400, "exemptions"));
    bad.add(new Bad("exemptions slipped into the approval", "POST", rest + "/task/" + approvalAssessedByOlivia + "/complete", json, "{\"variables\":{\"approvalDecision\":{\"value\":\"APPROVE\"},\"exemptions\":{\"value\":\"[\\\"" + "s31-".repeat(10) + "\\\"]\",\"type\":\"Json\"}}}", "arthur", 400, "exemptions"));
    bad.add(new Bad("opinion dated before 2000", "POST", rest + "/task/" + opinionTask + "/complete", json, "{\"variables\":{\"qualifiedPerson\":{\"value\":\"Chief Constable\"},\"qpOpinionDate\":{\"value\":\"1900-01-01\"},\"qpOpinionSummary\":{\"value\":\"Would inhibit.\"},\"qpOpinionReasonable\":{\"value\":true}}}", "amira", 400, "qpOpinionDate"));
    bad.add(new Bad("opinion dated in the future", "POST", rest + "/task/" + opinionTask + "/complete", json, "{\"variables\":{\"qualifiedPerson\":{\"value\":\"Chief Constable\"},\"qpOpinionDate\":{\"value\":\"" + future + "\"},\"qpOpinionSummary\":{\"value\":\"Would inhibit.\"},\"qpOpinionReasonable\":{\"value\":true}}}", "amira", 400, "qpOpinionDate"));
    bad.add(new Bad("opinion dated as words", "POST", rest + "/task/" + opinionTask + "/complete", json, "{\"variables\":{\"qualifiedPerson\":{\"value\":\"Chief Constable\"},\"qpOpinionDate\":{\"value\":\"last Tuesday\"},\"qpOpinionSummary\":{\"value\":\"Would inhibit.\"},\"qpOpinionReasonable\":{\"value\":true}}}", "amira", 400, "qpOpinionDate"));
    bad.add(new Bad("complaint notified before 2000", "POST", "/api/requests/" + closedCase + "/ico-complaints", json, "{\"icoReference\":\"IC-1-X\",\"notifiedOn\":\"1900-01-01\",\"respondBy\":\"1900-02-01\"}", "olivia", 400, "notifiedOn"));
    bad.add(new Bad("start form without a name", "POST", rest + "/process-definition/key/foi-request/submit-form", json, "{\"variables\":{\"requesterEmail\":{\"value\":\"a@b.org\"},\"requestText\":{\"value\":\"x\"}}}", "olivia", 400, "requester.name"));
    bad.add(new Bad("start form with a broken email", "POST", rest + "/process-definition/key/foi-request/submit-form", json, "{\"variables\":{\"requesterName\":{\"value\":\"A\"},\"requesterEmail\":{\"value\":\"a <b>@c\"},\"requestText\":{\"value\":\"x\"}}}", "olivia", 400, "requester.email"));
    bad.add(new Bad("the approval handed to an officer", "POST", rest + "/task/" + approvalAssessedByOlivia + "/assignee", json, "{\"userId\":\"olivia\"}", "amira", 403, "is worked by foi-approvers; olivia is not one of them"));
    bad.add(new Bad("a task completed twice", "POST", rest + "/task/" + completedTask + "/complete", json, "{\"variables\":{\"approvalDecision\":{\"value\":\"APPROVE\"}}}", "amira", 404, "message"));
    // the requester's answers
    bad.add(new Bad("clarification for a closed case", "POST", "/api/requests/" + closedCase + "/clarification", json, "{\"clarifiedRequest\":\"x\"}", "olivia", 409, "detail"));
    bad.add(new Bad("clarification without the clarified request", "POST", "/api/requests/" + clarifyingCase + "/clarification", json, "{}", "olivia", 400, "clarifiedRequest"));
    bad.add(new Bad("clarification received in the future", "POST", "/api/requests/" + clarifyingCase + "/clarification", json, "{\"receivedOn\":\"" + future + "\",\"clarifiedRequest\":\"x\"}", "olivia", 400, "receivedOn"));
    bad.add(new Bad("clarification received month first", "POST", "/api/requests/" + clarifyingCase + "/clarification", json, "{\"receivedOn\":\"12/31/2026\",\"clarifiedRequest\":\"x\"}", "olivia", 400, "receivedOn"));
    bad.add(new Bad("clarification for a case waiting for a fee", "POST", "/api/requests/" + feeCase + "/clarification", json, "{\"clarifiedRequest\":\"x\"}", "olivia", 409, "detail"));
    bad.add(new Bad("fee for a case that asked none", "POST", "/api/requests/" + openCase + "/fee-payment", json, "{\"amountPounds\":20}", "olivia", 409, "detail"));
    bad.add(new Bad("fee for an unknown case", "POST", "/api/requests/FOI-2026-99999/fee-payment", json, "{\"amountPounds\":20}", "olivia", 404, "reference"));
    bad.add(new Bad("fee of nothing", "POST", "/api/requests/" + feeCase + "/fee-payment", json, "{\"amountPounds\":0}", "olivia", 400, "amountPounds"));
    bad.add(new Bad("fee less than the notice asked", "POST", "/api/requests/" + feeCase + "/fee-payment", json, "{\"amountPounds\":5}", "olivia", 400, "amountPounds"));
    bad.add(new Bad("fee without an amount", "POST", "/api/requests/" + feeCase + "/fee-payment", json, "{}", "olivia", 400, "amountPounds"));
    bad.add(new Bad("withdrawal of a case not waiting on the requester", "POST", "/api/requests/" + openCase + "/withdrawal", json, "{}", "olivia", 409, "detail"));
    bad.add(new Bad("withdrawal dated in the future", "POST", "/api/requests/" + feeCase + "/withdrawal", json, "{\"withdrawnOn\":\"" + future + "\"}", "olivia", 400, "withdrawnOn"));
    bad.add(new Bad("withdrawal of an unknown case", "POST", "/api/requests/FOI-2026-99999/withdrawal", json, "{}", "olivia", 404, "reference"));
    bad.add(new Bad("waiting task completed with a clarification from the future", "POST", rest + "/task/" + clarificationTask + "/complete", json, "{\"variables\":{\"requesterAnswer\":{\"value\":\"CLARIFIED\"},\"clarificationReceivedOn\":{\"value\":\"" + future + "\"},\"clarifiedRequest\":{\"value\":\"x\"}}}", "olivia", 400, "clarificationReceivedOn"));
    bad.add(new Bad("waiting task completed without the clarified request", "POST", rest + "/task/" + clarificationTask + "/complete", json, "{\"variables\":{\"requesterAnswer\":{\"value\":\"CLARIFIED\"},\"clarificationReceivedOn\":{\"value\":\"" + LocalDate.now(ZoneId.of("Europe/London")) + "\"}}}", "olivia", 400, "clarifiedRequest"));
    // the FOI mailbox's messages and their sorting
    bad.add(new Bad("messages of an unknown status", "GET", "/api/correspondence?status=weird", json, null, "olivia", 400, "status"));
    bad.add(new Bad("an unknown message", "GET", "/api/correspondence/no-such-message", json, null, "olivia", 404, "id"));
    bad.add(new Bad("an attachment the message does not have", "GET", "/api/correspondence/" + heldMessage + "/attachments/7", json, null, "olivia", 404, "position"));
    bad.add(new Bad("an attachment position that is not a number", "GET", "/api/correspondence/" + heldMessage + "/attachments/first", json, null, "olivia", 400, "position"));
    bad.add(new Bad("the holding pen read by an approver", "GET", "/api/correspondence?status=unsorted", json, null, "amira", 403, "detail"));
    bad.add(new Bad("sorted without a choice", "POST", rest + "/task/" + sortTask + "/complete", json, "{\"variables\":{}}", "olivia", 400, "sortedAs"));
    bad.add(new Bad("sorted as something else", "POST", rest + "/task/" + sortTask + "/complete", json, "{\"variables\":{\"sortedAs\":{\"value\":\"SPAM\"}}}", "olivia", 400, "sortedAs"));
    bad.add(new Bad("sorted as a number", "POST", rest + "/task/" + sortTask + "/submit-form", json, "{\"variables\":{\"sortedAs\":{\"value\":3,\"type\":\"Integer\"}}}", "olivia", 400, "sortedAs"));
    bad.add(new Bad("filed to no case", "POST", rest + "/task/" + sortTask + "/submit-form", json, "{\"variables\":{\"sortedAs\":{\"value\":\"FILE_TO_CASE\"}}}", "olivia", 400, "fileToReference"));
    bad.add(new Bad("filed to an unknown case", "POST", rest + "/task/" + sortTask + "/complete", json, "{\"variables\":{\"sortedAs\":{\"value\":\"FILE_TO_CASE\"},\"fileToReference\":{\"value\":\"FOI-2026-99999\"}}}", "olivia", 400, "fileToReference"));
    bad.add(new Bad("logged as a request with a broken email", "POST", rest + "/task/" + sortTask + "/complete", json, "{\"variables\":{\"sortedAs\":{\"value\":\"NEW_REQUEST\"},\"requesterEmail\":{\"value\":\"a <b>@c\"}}}", "olivia", 400, "requesterEmail"));
    bad.add(new Bad("logged as a request received on no date", "POST", rest + "/task/" + sortTask + "/complete", json, "{\"variables\":{\"sortedAs\":{\"value\":\"NEW_REQUEST\"},\"correspondenceReceivedOn\":{\"value\":\"x\"}}}", "olivia", 400, "correspondenceReceivedOn"));
    bad.add(new Bad("logged as a request received month first", "POST", rest + "/task/" + sortTask + "/complete", json, "{\"variables\":{\"sortedAs\":{\"value\":\"NEW_REQUEST\"},\"correspondenceReceivedOn\":{\"value\":\"12/31/2026\"}}}", "olivia", 400, "correspondenceReceivedOn"));
    bad.add(new Bad("logged as an EIR-ish regime", "POST", rest + "/task/" + sortTask + "/complete", json, "{\"variables\":{\"sortedAs\":{\"value\":\"NEW_REQUEST\"},\"regime\":{\"value\":\"GDPR\"}}}", "olivia", 400, "regime"));
    bad.add(new Bad("new correspondence without a choice", "POST", rest + "/task/" + newCorrespondenceTask + "/complete", json, "{\"variables\":{}}", "olivia", 400, "correspondenceKind"));
    bad.add(new Bad("a review of a case not yet answered", "POST", rest + "/task/" + newCorrespondenceTask + "/submit-form", json, "{\"variables\":{\"correspondenceKind\":{\"value\":\"INTERNAL_REVIEW_REQUEST\"}}}", "olivia", 400, "correspondenceKind"));
    // business units, contributions, internal deadlines and the statistics (issue 18)
    String unit = "{\"group\":\"bu-parks\",\"name\":\"Parks\",\"deadlineWorkingDays\":";
    bad.add(new Bad("a unit in malformed JSON", "POST", "/api/business-units", json, "{\"group\": ", "admin", 400, "body"));
    bad.add(new Bad("a unit without a group", "POST", "/api/business-units", json, "{\"name\":\"Parks\"}", "admin", 400, "group"));
    bad.add(new Bad("a unit whose group is not bu-", "POST", "/api/business-units", json, "{\"group\":\"foi-officers\",\"name\":\"Parks\"}", "admin", 400, "group"));
    bad.add(new Bad("a unit with a blank name", "POST", "/api/business-units", json, "{\"group\":\"bu-parks\",\"name\":\" \"}", "admin", 400, "name"));
    bad.add(new Bad("a unit's name over 200 characters", "POST", "/api/business-units", json, "{\"group\":\"bu-parks\",\"name\":\"" + "P".repeat(201) + "\"}", "admin", 400, "name"));
    bad.add(new Bad("a unit with no working days", "POST", "/api/business-units", json, unit + "0}", "admin", 400, "deadlineWorkingDays"));
    bad.add(new Bad("a unit with a deadline past the statutory 20", "POST", "/api/business-units", json, unit + "21}", "admin", 400, "deadlineWorkingDays"));
    bad.add(new Bad("a unit's working days as words", "POST", "/api/business-units", json, unit + "\"ten\"}", "admin", 400, "deadlineWorkingDays"));
    bad.add(new Bad("a unit managed by nobody known", "POST", "/api/business-units", json, "{\"group\":\"bu-parks\",\"name\":\"Parks\",\"manager\":\"nobody\"}", "admin", 400, "manager"));
    bad.add(new Bad("a unit that exists already", "POST", "/api/business-units", json, "{\"group\":\"bu-highways\",\"name\":\"Highways\"}", "admin", 409, "detail"));
    bad.add(new Bad("a unit created by an officer", "POST", "/api/business-units", json, unit + "10}", "olivia", 403, "detail"));
    bad.add(new Bad("an unknown unit changed", "PUT", "/api/business-units/bu-nowhere", json, "{\"name\":\"Nowhere\"}", "admin", 404, "group"));
    bad.add(new Bad("a unit changed to no working days", "PUT", "/api/business-units/bu-highways", json, "{\"name\":\"Highways\",\"deadlineWorkingDays\":-1}", "admin", 400, "deadlineWorkingDays"));
    // a contribution's upload is a page's (session and CSRF token): the rest of its bad input is in
    // aContributionsUploadRefusesBadInputByName
    String aFile = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n";
    bad.add(new Bad("a contribution's upload without the page's CSRF token", "POST", "/contributions/" + openContribution + "/documents", "multipart/form-data; boundary=b", aFile, "hugo", 403, "status"));
    bad.add(new Bad("internal deadlines of a unit that is no group id", "GET", "/api/deadlines/contributions?unit=Highways", json, null, "maya", 400, "unit"));
    bad.add(new Bad("internal deadlines of an overlong unit", "GET", "/api/deadlines/contributions?unit=bu-" + "a".repeat(300), json, null, "maya", 400, "unit"));
    bad.add(new Bad("internal deadlines read by a unit member", "GET", "/api/deadlines/contributions", json, null, "hugo", 403, "detail"));
    bad.add(new Bad("statistics from an impossible date", "GET", "/api/statistics?from=2026-02-30", json, null, "maya", 400, "from"));
    bad.add(new Bad("statistics from after to", "GET", "/api/statistics?from=2026-06-01&to=2026-01-01", json, null, "maya", 400, "from"));
    bad.add(new Bad("statistics in an unknown format", "GET", "/api/statistics?format=xml", json, null, "maya", 400, "format"));
    bad.add(new Bad("statistics read by a unit member", "GET", "/api/statistics", json, null, "hugo", 403, "detail"));
    // requests in context (issue 19): the requester's history and linked cases
    String links = "/api/requests/" + openCase + "/links";
    bad.add(new Bad("requester history of an unknown case", "GET", "/api/requests/FOI-2026-99999/requester-history", json, null, "olivia", 404, "reference"));
    bad.add(new Bad("requester history read by a unit member", "GET", "/api/requests/" + openCase + "/requester-history", json, null, "hugo", 403, "detail"));
    bad.add(new Bad("links of an unknown case", "GET", "/api/requests/FOI-2026-99999/links", json, null, "olivia", 404, "reference"));
    bad.add(new Bad("a link of an unknown kind", "POST", links, json, "{\"reference\":\"" + closedCase + "\",\"kind\":\"FRIENDS\"}", "olivia", 400, "kind"));
    bad.add(new Bad("a link of a kind the process records", "POST", links, json, "{\"reference\":\"" + closedCase + "\",\"kind\":\"AGGREGATED_WITH\"}", "olivia", 400, "kind"));
    bad.add(new Bad("a link to the case itself", "POST", links, json, "{\"reference\":\"" + openCase + "\",\"kind\":\"RELATED\"}", "olivia", 400, "reference"));
    bad.add(new Bad("a link to an unknown case", "POST", links, json, "{\"reference\":\"FOI-2026-99999\",\"kind\":\"RELATED\"}", "olivia", 400, "reference"));
    bad.add(new Bad("a link's note over 500 characters", "POST", links, json, "{\"reference\":\"" + closedCase + "\",\"kind\":\"RELATED\",\"note\":\"" + "n".repeat(501) + "\"}", "olivia", 400, "note"));
    bad.add(new Bad("a link in malformed JSON", "POST", links, json, "{\"reference\": ", "olivia", 400, "body"));
    bad.add(new Bad("a link recorded by an approver", "POST", links, json, "{\"reference\":\"" + closedCase + "\",\"kind\":\"RELATED\"}", "amira", 403, "detail"));
    bad.add(new Bad("a link removed that is not there", "DELETE", links + "/" + closedCase + "/RELATED", json, null, "olivia", 404, "detail"));
    bad.add(new Bad("a link of an unknown kind removed", "DELETE", links + "/" + closedCase + "/FRIENDS", json, null, "olivia", 400, "kind"));
    bad.add(new Bad("a message through the engine's API", "POST", rest + "/message", json, "{\"messageName\":\"FeeReceived\",\"businessKey\":\"" + openCase + "\"}", "olivia", 403, "detail"));
    // round robins
    String roundRobinOfficer = "/api/round-robins/" + roundRobin + "/officer";
    String startingPoint = "/api/round-robins/" + roundRobin + "/starting-point";
    bad.add(new Bad("a round robin given to someone who is no officer", "PUT", roundRobinOfficer, json, "{\"officer\":\"amira\"}", "maya", 400, "officer"));
    bad.add(new Bad("a round robin given to nobody known", "PUT", roundRobinOfficer, json, "{\"officer\":\"nobody\"}", "maya", 400, "officer"));
    bad.add(new Bad("a round robin given to no one", "PUT", roundRobinOfficer, json, "{}", "olivia", 400, "officer"));
    bad.add(new Bad("a round robin's officer in malformed JSON", "PUT", roundRobinOfficer, json, "{\"officer\": ", "maya", 400, "body"));
    bad.add(new Bad("a round robin's officer chosen by an approver", "PUT", roundRobinOfficer, json, "{\"officer\":\"olivia\"}", "amira", 403, "detail"));
    bad.add(new Bad("a round robin's officer from a stale version", "PUT", roundRobinOfficer, json, "{\"officer\":\"olivia\",\"version\":7}", "maya", 409, "detail"));
    bad.add(new Bad("a starting point from outside the round robin", "POST", startingPoint, json, "{\"from\":\"" + openCase + "\"}", "olivia", 400, "from"));
    bad.add(new Bad("a starting point from an undecided request", "POST", startingPoint, json, "{\"from\":\"" + roundRobin.substring(3) + "\"}", "olivia", 400, "from"));
    bad.add(new Bad("an unknown round robin", "GET", "/api/round-robins/RR-FOI-1999-00001", json, null, "olivia", 404, "id"));
    bad.add(new Bad("an unknown round robin's officer", "PUT", "/api/round-robins/RR-FOI-1999-00001/officer", json, "{\"officer\":\"olivia\"}", "maya", 404, "id"));
    bad.add(new Bad("round robins read by a unit member", "GET", "/api/round-robins", json, null, "hugo", 403, "detail"));
    return bad;
  }

  @Test
  void aContributionsUploadRefusesBadInputByName() throws Exception {
    byte[] pdf = "%PDF-1.4 not really".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    record Upload(String what, String user, String contributionId, String part, int status, String names) {
    }
    List<Upload> uploads = List.of(
        new Upload("no file part", "hugo", openContribution, "note", 400, "file"),
        new Upload("another unit's contribution", "carla", openContribution, "file", 404, "contributionId"),
        new Upload("an unknown contribution", "hugo", "x".repeat(300), "file", 404, "contributionId"),
        new Upload("after the unit answered", "olivia", answeredContribution, "file", 409, "detail"));
    for (Upload upload : uploads) {
      StaffBrowser browser = new StaffBrowser(port);
      assertThat(browser.signIn(upload.user(), "demo").statusCode()).isEqualTo(302);
      browser.get("/cases/" + openCase); // a page gives the session its CSRF token
      Long documentsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM foi_document", Long.class);
      HttpResponse<String> response = browser.client().send(BasicAuthCalls.fileUpload("http://localhost:" + port
          + "/contributions/" + upload.contributionId() + "/documents", upload.part(), "a.pdf", pdf, null, null)
          .header("Accept", "application/json").header(StaffBrowser.CSRF_HEADER, browser.csrfToken()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(upload.what() + ": " + response.body()).isEqualTo(upload.status());
      JsonNode body = json.readTree(response.body());
      assertThat(body.path("errors").has(upload.names()) || body.has(upload.names())).as(upload.what()).isTrue();
      showsNothingOfTheServer(response.body());
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_document", Long.class)).as(upload.what())
          .isEqualTo(documentsBefore);
    }
    // JSON where a file is expected
    StaffBrowser hugo = new StaffBrowser(port);
    hugo.signIn("hugo", "demo");
    hugo.get("/contributions/" + openContribution);
    assertThat(hugo.json("POST", "/contributions/" + openContribution + "/documents", "{}", true).statusCode())
        .isEqualTo(415);
  }

  private Map<String, Long> databaseState() {
    return Map.of(
        "process instances", engine.getRuntimeService().createProcessInstanceQuery().count(),
        "tasks", engine.getTaskService().createTaskQuery().count(),
        "variables", engine.getRuntimeService().createVariableInstanceQuery().count(),
        "historic instances", engine.getHistoryService().createHistoricProcessInstanceQuery().count(),
        "historic variables", engine.getHistoryService().createHistoricVariableInstanceQuery().count(),
        "case index", jdbc.queryForObject("SELECT COUNT(*) FROM foi_case", Long.class),
        "jobs", engine.getManagementService().createJobQuery().count());
  }

  @TestFactory
  List<DynamicTest> everyBadInputIsRefusedByNameAndChangesNothing() {
    List<Bad> catalogue = catalogue();
    assertThat(catalogue).hasSizeGreaterThanOrEqualTo(30);
    return catalogue.stream().map(bad -> DynamicTest.dynamicTest(bad.what(), () -> {
      Map<String, Long> before = databaseState();
      HttpResponse<String> response = send(bad.method(), bad.path(), bad.contentType(), bad.body(), bad.user());
      System.out.printf("bad input | %-45s | %d | %s%n", bad.what(), response.statusCode(),
          response.body().length() > 160 ? response.body().substring(0, 160) : response.body());
      assertThat(response.statusCode()).as(bad.what() + ": " + response.body()).isEqualTo(bad.status());
      JsonNode body = json.readTree(response.body());
      boolean named = body.path("errors").has(bad.names()) || body.has(bad.names())
          || body.path("message").asText().contains(bad.names());
      assertThat(named).as(bad.what() + " names " + bad.names() + ": " + response.body()).isTrue();
      assertThat(databaseState()).as(bad.what() + " changed nothing").isEqualTo(before);
      if (bad.path().startsWith("/api")) {
        showsNothingOfTheServer(response.body());
      }
    })).toList();
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body, String user)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", contentType)
        .header("Authorization", BasicAuthCalls.authorization(user, "demo"))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> download(String path, String user) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", BasicAuthCalls.authorization(user, "demo")).build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  /** No SQL, stack trace or class name reaches a caller. */
  private static void showsNothingOfTheServer(String body) {
    assertThat(body).doesNotContainPattern("(?i)\\b(select|insert|update|delete)\\b.*\\b(from|into|set|where)\\b")
        .doesNotContain("Exception", "\tat ", "org.foiflow", "java.", "org.h2", "SQL");
  }

  /** Word's manual line break, a form feed, NUL, a lone surrogate and a non-character, as JSON escapes. */
  private static final String CONTROLS = "\\u000B\\u000C\\u0000\\uD800\\uFFFF";

  @Test
  void controlCharactersInANewRequestAreNormalisedAndItsLettersRender() throws Exception {
    String body = "{\"requester\":{\"name\":\"Vera" + CONTROLS + "\",\"email\":\"vera@example.org\","
        + "\"postalAddress\":\"1 High St" + CONTROLS + "\"},\"subject\":\"Bins" + CONTROLS + "\","
        + "\"request\":\"Bin rounds" + CONTROLS + "in 2025.\"}";
    HttpResponse<String> logged = send("POST", "/api/requests", "application/json", body, "olivia");
    System.out.printf("bad input | %-45s | %d | %s%n", "control characters at intake", logged.statusCode(), logged.body());
    assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
    String reference = json.readTree(logged.body()).get("reference").asText();
    String processInstanceId = json.readTree(logged.body()).get("processInstanceId").asText();
    var stored = engine.getRuntimeService().getVariables(processInstanceId);
    assertThat(stored.get("requestText")).isEqualTo("Bin rounds\n\n\uFFFDin 2025.");
    assertThat(stored.get("subject")).isEqualTo("Bins\n\n\uFFFD");
    assertThat(stored.get("requesterName")).isEqualTo("Vera\n\n\uFFFD");
    assertThat(stored.get("requesterAddress")).isEqualTo("1 High St\n\n\uFFFD");
    JsonNode letters = json.readTree(send("GET", "/api/requests/" + reference + "/letters", "application/json", null,
        "olivia").body());
    assertThat(letters).isNotEmpty();
    HttpResponse<byte[]> pdf = download(letters.get(0).get("pdf").asText(), "olivia");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  @Test
  void controlCharactersInATaskFormDoNotStickTheCase() throws Exception {
    String rest = "/engine-rest/engine/" + engine.getName();
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Summary Case", LocalDate.now(ZoneId.of("Europe/London"))))
        .validAndHeld();
    HttpResponse<String> located = send("POST", rest + "/task/" + foi.task("LocateInformation").getId() + "/complete",
        "application/json", "{\"variables\":{\"informationSummary\":{\"value\":\"Policy" + CONTROLS + "annex\"},"
            + "\"informationLocation\":{\"value\":\"Library" + CONTROLS + "\"},\"retrievalHours\":{\"value\":1.5}}}",
        "olivia");
    System.out.printf("bad input | %-45s | %d | %s%n", "control characters in a task form", located.statusCode(), located.body());
    assertThat(located.statusCode()).as(located.body()).isEqualTo(204);
    assertThat(foi.variable("informationSummary")).isEqualTo("Policy\n\n\uFFFDannex");
    assertThat(foi.variable("informationLocation")).isEqualTo("Library\n\n\uFFFD");
    // the assessment form shows the summary read-only: what a caller of the API sends for it is not written
    HttpResponse<String> assessed = send("POST", rest + "/task/" + foi.task("AssessExemptions").getId() + "/complete",
        "application/json", "{\"variables\":{\"disclosureScope\":{\"value\":\"FULL\"},"
            + "\"assessmentNotes\":{\"value\":\"Nothing" + CONTROLS + "withheld, again\"},"
            + "\"informationSummary\":{\"value\":\"Policy" + CONTROLS + "annex, again\"}}}", "oscar");
    assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(204);
    assertThat(foi.variable("informationSummary")).isEqualTo("Policy\n\n\uFFFDannex");
    assertThat(foi.variable("assessmentNotes")).isEqualTo("Nothing\n\n\uFFFDwithheld, again");
    // drafted: the case waits for its approver with the full disclosure letter filed
    assertThat(foi.task("ApproveResponse")).isNotNull();
    JsonNode letters = json.readTree(send("GET", "/api/requests/" + foi.reference() + "/letters", "application/json",
        null, "olivia").body());
    HttpResponse<byte[]> pdf = download(letters.get(letters.size() - 1).get("pdf").asText(), "olivia");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(new String(download(letters.get(letters.size() - 1).get("html").asText(), "olivia").body(),
        java.nio.charset.StandardCharsets.UTF_8)).contains("annex");
  }

  @Test
  void statisticsCsvCellsAreQuotedAndNeverRunAsFormulas() throws Exception {
    // values as a forged variable would leave them in the reporting tables
    jdbc.update("INSERT INTO foi_case (reference, process_instance_id, regime, received_on, due_on, clock, outcome,"
        + " responded_on, closed_on) VALUES ('FOI-2001-00001', 'forged', 'FOIA', DATE '2001-01-10', DATE '2001-02-07',"
        + " 'STOPPED', '=2+3', DATE '2001-02-01', DATE '2001-02-01')");
    jdbc.update("INSERT INTO foi_case_exemption (reference, code) VALUES ('FOI-2001-00001', ?)", "@SUM(1)\r\nforged,row,9");
    try {
      HttpResponse<String> csv = send("GET", "/api/statistics?from=2001-01-01&to=2001-03-31&format=csv",
          "application/json", null, "maya");
      System.out.printf("bad input | %-45s | %d | %s%n", "statistics CSV", csv.statusCode(), csv.body().replace("\r\n", " / "));
      assertThat(csv.statusCode()).isEqualTo(200);
      var records = org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(csv.body())).getRecords();
      assertThat(records).allSatisfy(row -> {
        assertThat(row.size()).isEqualTo(3);
        row.forEach(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
            .doesNotStartWith("@"));
      });
      assertThat(records).noneSatisfy(row -> assertThat(row.get(0)).isEqualTo("forged"));
      assertThat(records).anySatisfy(row -> assertThat(row.get(1)).isEqualTo("'=2+3"));
      assertThat(records).anySatisfy(row -> assertThat(row.get(1)).isEqualTo("'@SUM(1)\r\nforged,row,9"));
      assertThat(org.springframework.http.ContentDisposition.parse(csv.headers().firstValue("Content-Disposition")
          .orElseThrow()).getFilename()).isEqualTo("foi-statistics-2001-01-01-to-2001-03-31.csv");
    } finally {
      jdbc.update("DELETE FROM foi_case_exemption WHERE reference = 'FOI-2001-00001'");
      jdbc.update("DELETE FROM foi_case WHERE reference = 'FOI-2001-00001'");
    }
  }

  @Autowired
  org.foiflow.drafting.PdfCopies pdfCopies;

  @Test
  void aLetterPdfFetchesNothingFromTheNetwork() throws Exception {
    java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      hits.incrementAndGet();
      byte[] css = "p { color: red }".getBytes();
      exchange.sendResponseHeaders(200, css.length);
      exchange.getResponseBody().write(css);
      exchange.close();
    });
    server.start();
    try {
      String at = "http://127.0.0.1:" + server.getAddress().getPort();
      String pixel = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
      String html = "<html><head><link rel=\"stylesheet\" href=\"" + at + "/letter.css\"/>"
          + "<style>@import url(\"" + at + "/import.css\"); body { background-image: url(\"" + at + "/bg.png\") }"
          + " @font-face { font-family: Far; src: url(\"" + at + "/font.ttf\") } p { font-family: Far }</style></head>"
          + "<body><p>Dear requester</p><img src=\"" + at + "/pixel.png\"/><img src=\"//127.0.0.1:"
          + server.getAddress().getPort() + "/relative.png\"/><img src=\"file:///etc/passwd\"/>"
          + "<img src=\"" + pixel + "\"/></body></html>";
      byte[] pdf = pdfCopies.of(html);
      assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      assertThat(hits.get()).as("requests the renderer made").isZero();
    } finally {
      server.stop(0);
    }
  }

  @TestFactory
  List<DynamicTest> theSameRequestSubmittedTwiceIsOneCase() {
    return List.of(DynamicTest.dynamicTest("duplicate submission", () -> {
      String body = "{\"requester\":{\"name\":\"Dee Plicate\",\"email\":\"dee@example.org\"},"
          + "\"receivedOn\":\"2026-11-02\",\"request\":\"The gritting routes for winter 2026.\"}";
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/requests"))
          .header("Content-Type", "application/json")
          .header("Authorization", BasicAuthCalls.authorization("olivia", "demo"))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(first.statusCode()).isEqualTo(201);
      Map<String, Long> before = databaseState();
      HttpResponse<String> second = http.send(request, HttpResponse.BodyHandlers.ofString());
      System.out.printf("bad input | %-45s | %d | %s%n", "duplicate submission", second.statusCode(), second.body());
      assertThat(second.statusCode()).isEqualTo(409);
      assertThat(json.readTree(second.body()).get("reference").asText())
          .isEqualTo(json.readTree(first.body()).get("reference").asText());
      assertThat(databaseState()).isEqualTo(before);
    }));
  }
}
