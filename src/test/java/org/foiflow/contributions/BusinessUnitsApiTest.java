package org.foiflow.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.process.FoiCase;
import org.foiflow.security.FoiGroups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The business units over HTTP with real users: administrators create and change units (each a Camunda group with
 * its Tasklist filter), others may not, bad values are named; and a unit member works only its unit's task through
 * /engine-rest, where a bad answer is refused naming the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class BusinessUnitsApiTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  private HttpResponse<String> call(String method, String path, String body, String user) throws Exception {
    return http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + path, method, body, user, "demo")
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The engine's REST API for this test's engine (each Spring context has its own engine name). */
  private String rest() {
    return "/engine-rest/engine/" + engine.getName();
  }

  @Test
  void anAdministratorCreatesAUnitWithItsGroupAndFilterAndChangesIt() throws Exception {
    HttpResponse<String> created = call("POST", "/api/business-units",
        "{\"group\":\"bu-parks\",\"name\":\"Parks\",\"manager\":\"hana\",\"deadlineWorkingDays\":8}", "admin");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Group group = engine.getIdentityService().createGroupQuery().groupId("bu-parks").singleResult();
    assertThat(group.getName()).isEqualTo("Parks");
    assertThat(group.getType()).isEqualTo(FoiGroups.BUSINESS_UNIT_TYPE);
    assertThat(engine.getFilterService().createFilterQuery().filterName("Provide information: Parks").count())
        .isOne();

    HttpResponse<String> changed = call("PUT", "/api/business-units/bu-parks",
        "{\"name\":\"Parks and open spaces\",\"manager\":\"hana\",\"deadlineWorkingDays\":5}", "admin");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(engine.getFilterService().createFilterQuery()
        .filterName("Provide information: Parks and open spaces").count()).isOne();
    JsonNode listed = json.readTree(call("GET", "/api/business-units", null, "olivia").body());
    assertThat(listed.get("items").findValuesAsText("group")).contains("bu-parks", "bu-highways", "bu-cctv",
        "bu-hr", "bu-finance");

    HttpResponse<String> again = call("POST", "/api/business-units",
        "{\"group\":\"bu-parks\",\"name\":\"Parks\"}", "admin");
    assertThat(again.statusCode()).isEqualTo(409);
  }

  @Test
  void onlyAdministratorsCreateOrChangeUnits() throws Exception {
    HttpResponse<String> byOfficer = call("POST", "/api/business-units",
        "{\"group\":\"bu-libraries\",\"name\":\"Libraries\"}", "olivia");
    assertThat(byOfficer.statusCode()).isEqualTo(403);
    assertThat(byOfficer.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    assertThat(call("PUT", "/api/business-units/bu-highways", "{\"name\":\"Roads\"}", "hugo").statusCode())
        .isEqualTo(403);
    assertThat(engine.getIdentityService().createGroupQuery().groupId("bu-libraries").count()).isZero();
  }

  @Test
  void badUnitsAreRefusedNamingEachField() throws Exception {
    HttpResponse<String> refused = call("POST", "/api/business-units",
        "{\"group\":\"Highways 2\",\"name\":\" \",\"manager\":\"nobody\",\"deadlineWorkingDays\":25}", "admin");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    JsonNode errors = json.readTree(refused.body()).path("errors");
    assertThat(List.of("group", "name", "manager", "deadlineWorkingDays")).allMatch(errors::has);
  }

  @Test
  void aUnitMemberWorksOnlyItsUnitsTaskThroughTheRestApiAndABadAnswerIsNamed() throws Exception {
    FoiCase atTriage = FoiCase.logged(engine, FoiCase.aRequest("Tess Triage", LocalDate.now()));
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Una Unit", LocalDate.now())).validAndHeld()
        .askedUnits(FoiCase.HIGHWAYS, FoiCase.CCTV);
    String highways = foi.unitTask(FoiCase.HIGHWAYS).getId();

    JsonNode visible = json.readTree(call("GET", rest() + "/task?processInstanceIdIn="
        + atTriage.instance().getId() + "," + foi.instance().getId(), null, "hugo").body());
    assertThat(visible.findValuesAsText("id")).as(visible.toString()).containsExactly(highways);
    assertThat(call("POST", rest() + "/task/" + atTriage.task("Triage").getId() + "/claim",
        "{\"userId\":\"hugo\"}", "hugo").statusCode()).isEqualTo(403);
    assertThat(call("POST", rest() + "/task/" + foi.unitTask(FoiCase.CCTV).getId() + "/complete",
        "{\"variables\":{\"contributionAnswer\":{\"value\":\"HANDED_BACK\"},\"suggestedUnit\":{\"value\":\"x\"}}}",
        "hugo").statusCode()).isEqualTo(403);

    HttpResponse<String> bad = call("POST", rest() + "/task/" + highways + "/complete",
        "{\"variables\":{\"contributionAnswer\":{\"value\":\"PROVIDED\"}}}", "hugo");
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    assertThat(json.readTree(bad.body()).path("errors").has("whatHeld")).as(bad.body()).isTrue();
    assertThat(foi.unitTask(FoiCase.HIGHWAYS).getId()).isEqualTo(highways);

    HttpResponse<String> good = call("POST", rest() + "/task/" + highways + "/complete",
        "{\"variables\":{\"contributionAnswer\":{\"value\":\"PROVIDED\"},\"whatHeld\":{\"value\":\"Footage\"},"
            + "\"hoursSpent\":{\"value\":2}}}", "hugo");
    assertThat(good.statusCode()).as(good.body()).isEqualTo(204);
  }
}
