package org.foiflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.process.FoiCase;
import org.foiflow.security.StaffDoors;
import org.foiflow.security.StaffDoors.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The documents and the case's assessment agree: "Assess exemptions" is refused, by every route, while a document
 * is undecided or the exemptions engaged differ from those its redactions and withheld documents rely on; after it,
 * redactions cite engaged exemptions only; with the approver the documents are frozen (409), and they leave with the
 * case's history. The same context as {@link CaseDocumentsApiTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"foiflow.documents.max-file-size=2MB", "foiflow.documents.max-case-size=3MB"})
@ActiveProfiles({"test", "demo"})
class DocumentsInTheAssessmentTest {

  private static final String PART_WITH = "{\"variables\":{\"disclosureScope\":{\"value\":\"PART\"},"
      + "\"withheldDescription\":{\"value\":\"Section 4 of the policy.\"},"
      + "\"assessmentNotes\":{\"value\":\"Section 4 describes tactics.\"},"
      + "\"exemptions\":{\"value\":\"[%s]\",\"type\":\"Json\"}}}";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  DocumentRetention retention;
  @Autowired
  JdbcTemplate jdbc;

  private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

  private static String engaged(String... codes) {
    return PART_WITH.formatted(String.join(",", List.of(codes).stream().map(code -> "\\\"" + code + "\\\"").toList()));
  }

  private static final ObjectMapper JSON = DocumentCalls.JSON;
  private static final byte[] POLICY = CaseDocumentsApiTest.POLICY;

  private DocumentCalls calls() {
    return new DocumentCalls(port, engine.getName());
  }

  private StaffDoors doors() {
    return calls().doors();
  }

  private String added(FoiCase foi, String fileName, byte[] content) throws Exception {
    return calls().added(foi.reference(), fileName, content);
  }

  private Answer decide(FoiCase foi, String id, String json) throws Exception {
    return calls().decide(foi.reference(), id, json);
  }

  private Answer upload(String user, String reference, String fileName, byte[] content) throws Exception {
    return calls().upload(user, reference, fileName, content);
  }

  @Test
  void theAssessmentIsRefusedThroughTheEngineRestAndTasklistUntilItAgreesWithTheDocuments() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Con Sistent", today)).validAndHeld().located();
    String policy = added(foi, "policy.pdf", POLICY);
    String notes = added(foi, "notes.pdf", SampleFiles.pdf(List.of(List.of("Meeting notes"))));
    assertThat(decide(foi, policy, "{\"decision\":\"WITHHOLD\",\"exemptions\":[\"s31(1)(a)\"]}").status()).isEqualTo(200);
    String task = foi.task("AssessExemptions").getId();
    assertThat(doors().engineRest(FoiCase.OFFICER, "POST", "/task/" + task + "/claim",
        "{\"userId\":\"" + FoiCase.OFFICER + "\"}").status()).isEqualTo(204);

    Answer undecided = doors().engineRest(FoiCase.OFFICER, "POST", "/task/" + task + "/complete", engaged("s31"));
    assertThat(undecided.status()).as(undecided.body()).isEqualTo(400);
    assertThat(JSON.readTree(undecided.body()).path("errors").path("exemptions").asText()).contains("notes.pdf", "decide");

    assertThat(decide(foi, notes, "{\"decision\":\"RELEASE_IN_FULL\"}").status()).isEqualTo(200);
    Answer missing = doors().engineRest(FoiCase.OFFICER, "POST", "/task/" + task + "/complete", engaged("s40-2"));
    assertThat(missing.status()).as(missing.body()).isEqualTo(400);
    String problem = JSON.readTree(missing.body()).path("errors").path("exemptions").asText();
    assertThat(problem).contains("s.31", "does not engage", "s.40(2)", "no redaction or withheld document");
    assertThat(missing.body()).doesNotContain("ENGINE-", "Exception");

    Answer throughTasklist = doors().signIntoTasklist(FoiCase.OFFICER).call("POST", "/task/" + task + "/complete",
        engaged("s31", "s40-2"));
    assertThat(throughTasklist.status()).as(throughTasklist.body()).isEqualTo(400);
    assertThat(JSON.readTree(throughTasklist.body()).path("errors").path("exemptions").asText()).contains("s.40(2)");
    assertThat(foi.task("AssessExemptions").getId()).as("the task stays open").isEqualTo(task);

    Answer agreed = doors().signIntoTasklist(FoiCase.OFFICER).call("POST", "/task/" + task + "/complete", engaged("s31"));
    assertThat(agreed.status()).as(agreed.body()).isEqualTo(204);

    // after the assessment, a redaction may cite only an engaged exemption
    Answer notEngaged = doors().foiflow(FoiCase.OFFICER, "POST", "/api/requests/" + foi.reference() + "/documents/"
        + notes + "/redactions", "{\"page\":1,\"x\":10,\"y\":10,\"width\":50,\"height\":12,\"exemption\":\"s40(2)\"}");
    assertThat(notEngaged.status()).as(notEngaged.body()).isEqualTo(400);
    assertThat(JSON.readTree(notEngaged.body()).path("errors").path("exemption").asText()).contains("not among the exemptions engaged");
    assertThat(JSON.readTree(doors().foiflow(FoiCase.OFFICER, "GET", "/api/requests/" + foi.reference() + "/documents",
        null).body()).path("exemptionChoices").findValuesAsText("code")).contains("s31", "s31-1-a").doesNotContain("s40-2");
  }

  @Test
  void aFullDisclosureCannotWithholdADocument() {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Full Ness", today)).validAndHeld().located();
    try {
      String id = added(foi, "policy.pdf", POLICY);
      assertThat(decide(foi, id, "{\"decision\":\"WITHHOLD\",\"exemptions\":[\"s31\"]}").status()).isEqualTo(200);
    } catch (Exception failed) {
      throw new AssertionError(failed);
    }
    assertThatThrownBy(() -> foi.assessed("FULL")).hasMessageContaining("exemptions").hasMessageContaining("full disclosure");
    assertThat(foi.task("AssessExemptions")).isNotNull();
  }

  @Test
  void aCaseWithoutDocumentsIsAssessedAsBefore() {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("No Docs", today)).validAndHeld().located().assessed("FULL");
    assertThat(foi.task("ApproveResponse")).isNotNull();
  }

  @Test
  void whileTheResponseIsWithTheApproverItsDocumentsAreFrozen() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Fro Zen", today)).validAndHeld().located();
    String id = added(foi, "policy.pdf", POLICY);
    assertThat(decide(foi, id, "{\"decision\":\"RELEASE_IN_FULL\"}").status()).isEqualTo(200);
    foi.assessed("FULL");
    assertThat(foi.task("ApproveResponse")).isNotNull();

    Answer late = upload(FoiCase.OFFICER, foi.reference(), "late.pdf", SampleFiles.pdf(List.of(List.of("Late"))));
    assertThat(late.status()).as(late.body()).isEqualTo(409);
    assertThat(JSON.readTree(late.body()).path("detail").asText()).contains("with the approver");
    assertThat(decide(foi, id, "{\"decision\":\"WITHHOLD\",\"exemptions\":[\"s31\"]}").status()).isEqualTo(409);
    Answer approverWrites = doors().foiflow(FoiCase.APPROVER, "DELETE", "/api/requests/" + foi.reference() + "/documents/" + id, null);
    assertThat(approverWrites.status()).as(approverWrites.body()).isEqualTo(403);
    JsonNode list = JSON.readTree(doors().foiflow(FoiCase.APPROVER, "GET", "/api/requests/" + foi.reference() + "/documents", null).body());
    assertThat(list.path("editable").asBoolean()).isFalse();
    assertThat(list.path("items")).hasSize(1);
  }

  @Test
  void aClosedCasesDocumentsLeaveWithItsHistory() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Rhett Ention", today));
    added(foi, "policy.pdf", POLICY);
    foi.triagedAs(Map.of("informationHeld", false)).approved();
    FoiCase open = FoiCase.logged(engine, FoiCase.aRequest("Otto Pen", today));
    added(open, "policy.pdf", POLICY);

    assertThat(retention.removeDocumentsPastRetention(today.plusDays(2555))).isZero();
    assertThat(count(foi)).isEqualTo(1);
    assertThat(retention.removeDocumentsPastRetention(today.plusDays(2556))).isEqualTo(1);
    assertThat(count(foi)).isZero();
    assertThat(count(open)).as("an open case keeps its documents").isEqualTo(1);
  }

  private int count(FoiCase foi) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM foi_document WHERE reference = ?", Integer.class, foi.reference());
  }
}
