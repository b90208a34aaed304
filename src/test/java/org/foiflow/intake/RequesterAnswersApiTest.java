package org.foiflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.clock.StatutoryClock;
import org.foiflow.process.FoiCase;
import org.foiflow.security.StaffDoors;
import org.foiflow.security.StaffDoors.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An officer records the requester's clarification, fee or withdrawal through foiflow's API, which completes the
 * case's waiting task under the same rules as Tasklist and the engine's API: the stopped clock restarts by the Act's
 * rules and the case goes on, or closes as withdrawn.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class RequesterAnswersApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  StatutoryClock statutoryClock;

  private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

  private StaffDoors doors() {
    return new StaffDoors(port, engine.getName());
  }

  @Test
  void clarificationRecordedByAnOfficerStartsTwentyNewWorkingDays() throws Exception {
    FoiCase foi = waitingForClarification("Clara Fye");
    Answer tomorrow = clarify(foi, "{\"receivedOn\":\"" + FoiCase.typed(today.plusDays(1)) + "\",\"clarifiedRequest\":\"2024 and 2025 only.\"}");
    assertThat(tomorrow.status()).isEqualTo(400);
    assertThat(JSON.readTree(tomorrow.body()).path("errors").path("receivedOn").asText()).as(tomorrow.body())
        .contains("future");
    Answer beforeAsked = clarify(foi, "{\"receivedOn\":\"" + today.minusDays(1) + "\",\"clarifiedRequest\":\"2024 and 2025 only.\"}");
    assertThat(beforeAsked.status()).isEqualTo(400);
    assertThat(JSON.readTree(beforeAsked.body()).path("errors").path("receivedOn").asText()).as(beforeAsked.body())
        .contains("before we wrote to the requester");
    Answer noText = clarify(foi, "{\"receivedOn\":\"" + FoiCase.typed(today) + "\",\"clarifiedRequest\":\" \"}");
    assertThat(noText.status()).isEqualTo(400);
    assertThat(JSON.readTree(noText.body()).path("errors").has("clarifiedRequest")).as(noText.body()).isTrue();
    assertThat(foi.task("AwaitingClarification").getAssignee()).as("a refused answer leaves the task as it was").isNull();

    Answer clarified = clarify(foi, "{\"receivedOn\":\"" + FoiCase.typed(today) + "\",\"clarifiedRequest\":\"  2024 and 2025 only. \"}");
    assertThat(clarified.status()).as(clarified.body()).isEqualTo(200);
    JsonNode status = JSON.readTree(clarified.body());
    assertThat(status.path("dueOn").asText()).isEqualTo(statutoryClock.responseDue(today).toString());
    assertThat(status.path("clock").asText()).isEqualTo("RUNNING");
    assertThat(foi.variable("requestText")).isEqualTo("2024 and 2025 only.");
    assertThat(foi.task("Triage")).isNotNull();
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(foi.instance().getId())
        .taskDefinitionKey("AwaitingClarification").singleResult().getAssignee()).as("completed as the officer").isEqualTo("olivia");

    Answer twice = clarify(foi, "{\"clarifiedRequest\":\"again\"}");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(JSON.readTree(twice.body()).path("detail").asText()).contains("not waiting for a clarification");
  }

  @Test
  void theSameRuleRefusesTheWaitingTaskCompletedThroughTheEnginesApi() throws Exception {
    FoiCase foi = waitingForClarification("Eng Rest");
    String task = foi.task("AwaitingClarification").getId();
    Answer future = doors().engineRest("olivia", "POST", "/task/" + task + "/complete",
        "{\"variables\":{\"requesterAnswer\":{\"value\":\"CLARIFIED\"},\"clarificationReceivedOn\":{\"value\":\""
            + FoiCase.typed(today.plusDays(3)) + "\"},\"clarifiedRequest\":{\"value\":\"2024 only\"}}}");
    assertThat(future.status()).as(future.body()).isEqualTo(400);
    assertThat(future.body()).contains("clarificationReceivedOn");
    assertThat(foi.task("AwaitingClarification").getId()).as("the task stays open").isEqualTo(task);

    Answer typed = doors().engineRest("olivia", "POST", "/task/" + task + "/complete",
        "{\"variables\":{\"requesterAnswer\":{\"value\":\"CLARIFIED\"},\"clarificationReceivedOn\":{\"value\":\""
            + FoiCase.typed(today) + "\"},\"clarifiedRequest\":{\"value\":\"2024 only\"}}}");
    assertThat(typed.status()).as(typed.body()).isEqualTo(204);
    assertThat(foi.variable("clarificationReceivedOn")).isEqualTo(today.toString());
    assertThat(foi.variable("dueOn")).isEqualTo(statutoryClock.responseDue(today).toString());
  }

  @Test
  void feeRecordedByAnOfficerResumesTheClock() throws Exception {
    FoiCase foi = waitingForFee("Fay Payer");
    Answer visitor = doors().foiflow("maya", "POST", "/api/requests/" + foi.reference() + "/fee-payment", "{\"amountPounds\":12.5}");
    assertThat(visitor.status()).as("managers read cases; officers record answers").isEqualTo(403);
    Answer nothing = doors().foiflow("olivia", "POST", "/api/requests/" + foi.reference() + "/fee-payment", "{\"amountPounds\":0}");
    assertThat(nothing.status()).isEqualTo(400);
    assertThat(JSON.readTree(nothing.body()).path("errors").path("amountPounds").asText()).contains("more than £0");
    Answer tooLittle = doors().foiflow("olivia", "POST", "/api/requests/" + foi.reference() + "/fee-payment", "{\"amountPounds\":10}");
    assertThat(tooLittle.status()).isEqualTo(400);
    assertThat(JSON.readTree(tooLittle.body()).path("errors").path("amountPounds").asText()).contains("£12.50");
    Answer future = doors().foiflow("olivia", "POST", "/api/requests/" + foi.reference() + "/fee-payment",
        "{\"paidOn\":\"" + today.plusDays(2) + "\",\"amountPounds\":12.5}");
    assertThat(future.status()).isEqualTo(400);
    assertThat(JSON.readTree(future.body()).path("errors").has("paidOn")).as(future.body()).isTrue();

    Answer paid = doors().foiflow("olivia", "POST", "/api/requests/" + foi.reference() + "/fee-payment",
        "{\"paidOn\":\"" + FoiCase.typed(today) + "\",\"amountPounds\":12.5}");
    assertThat(paid.status()).as(paid.body()).isEqualTo(200);
    assertThat(JSON.readTree(paid.body()).path("clock").asText()).isEqualTo("RUNNING");
    assertThat(foi.variable("feeReceivedOn")).isEqualTo(today.toString());
    assertThat(foi.task("LocateInformation")).isNotNull();

    Answer again = doors().foiflow("olivia", "POST", "/api/requests/" + foi.reference() + "/fee-payment", "{\"amountPounds\":12.5}");
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void withdrawalWhileAwaitingClarificationClosesTheCaseAsWithdrawn() throws Exception {
    FoiCase foi = waitingForClarification("Will Draw");
    Answer withdrawn = doors().foiflow("olivia", "POST", "/api/requests/" + foi.reference() + "/withdrawal",
        "{\"withdrawnOn\":\"" + FoiCase.typed(today) + "\",\"note\":\"By phone.\"}");
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(JSON.readTree(withdrawn.body()).path("outcome").asText()).isEqualTo("WITHDRAWN");
    assertThat(foi.variable("withdrawalNote")).isEqualTo("By phone.");
  }

  @Test
  void withdrawalWhileAwaitingFeeClosesTheCaseAsWithdrawn() throws Exception {
    FoiCase foi = waitingForFee("Wynn Drawer");
    Answer withdrawn = doors().foiflow("olivia", "POST", "/api/requests/" + foi.reference() + "/withdrawal", "{}");
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(foi.variable("outcome")).isEqualTo("WITHDRAWN");
    assertThat(foi.variable("withdrawnOn")).as("today when not given").isEqualTo(today.toString());
  }

  @Test
  void withdrawalIsTakenOnlyWhileTheCaseWaitsOnTheRequester() throws Exception {
    FoiCase atTriage = FoiCase.logged(engine, FoiCase.aRequest("Tri Age", today));
    Answer notWaiting = doors().foiflow("olivia", "POST", "/api/requests/" + atTriage.reference() + "/withdrawal", "{}");
    assertThat(notWaiting.status()).isEqualTo(409);
    assertThat(JSON.readTree(notWaiting.body()).path("detail").asText()).contains("not waiting on the requester");
    Answer unknown = doors().foiflow("olivia", "POST", "/api/requests/FOI-2026-99998/withdrawal", "{}");
    assertThat(unknown.status()).isEqualTo(404);
  }

  private Answer clarify(FoiCase foi, String body) throws Exception {
    return doors().foiflow("olivia", "POST", "/api/requests/" + foi.reference() + "/clarification", body);
  }

  private FoiCase waitingForClarification(String name) {
    return FoiCase.logged(engine, FoiCase.aRequest(name, today))
        .triagedAs(Map.of("clarificationNeeded", true, "clarificationQuestion", "Which years do you mean?"));
  }

  private FoiCase waitingForFee(String name) {
    return FoiCase.logged(engine, FoiCase.aRequest(name, today))
        .triagedAs(Map.of("feesPayable", true, "feePounds", 12.5, "feeDetails", "Copying 250 pages at 5p a page"));
  }
}
