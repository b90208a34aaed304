package org.foiflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.http.Outsider;
import org.foiflow.http.StaffBrowser;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The approver's view over HTTP, as Tasklist loads it: what was decided in words and the draft as Markdown its form
 * renders, an officer's revision keeping its headings into the filed letter and its PDF, and the draft's PDF for
 * FOI staff only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ApproverViewTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identityService;

  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void anOutsider() {
    Outsider.signedUp(identityService);
  }

  /** A case logged by an officer, part withheld under s.31 after its harm and public interest tests, at approval. */
  private FoiCase atApproval() {
    VariableMap request = FoiCase.aRequest("Pat Requester", LocalDate.now(ZoneId.of("Europe/London")));
    request.putValue("requestText", "Please send the CCTV policy. " + UUID.randomUUID());
    AtomicReference<FoiCase> logged = new AtomicReference<>();
    FoiCase.actingAs(engine, FoiCase.OFFICER, () -> logged.set(FoiCase.logged(engine, request)));
    return logged.get().validAndHeld().located().assessed("PART", "s31").harmShown("WOULD")
        .publicInterestBalanced("WITHHOLD");
  }

  /** The approval task's variables as Tasklist's Camunda Form loads them, signed in as an approver. */
  private JsonNode approvalFormVariables(FoiCase foi) throws Exception {
    StaffBrowser approver = new StaffBrowser(port);
    approver.signIntoTasklist(engine.getName(), FoiCase.APPROVER, "demo");
    String task = foi.task("ApproveResponse").getId();
    HttpResponse<String> variables = approver.json("GET",
        "/camunda/api/engine/engine/" + engine.getName() + "/task/" + task + "/form-variables?deserializeValues=false",
        null, false);
    assertThat(variables.statusCode()).isEqualTo(200);
    return json.readTree(variables.body());
  }

  @Test
  void theApprovalFormShowsWhatWasDecidedInWordsAboveTheDraftAsItWillBeSent() throws Exception {
    FoiCase foi = atApproval();

    JsonNode variables = approvalFormVariables(foi);

    String summary = variables.path("decisionSummary").path("value").asText();
    assertThat(summary).contains("### What was decided", "**Outcome:** Granted in part", "Disclose in part",
        "#### Section 31: Law enforcement", "Harm is shown: the exemption is engaged",
        "The public interest in maintaining the exemption outweighs disclosure", "**Assessed by:**", "olivia")
        .doesNotContain("GRANTED_IN_PART", "SHOWN\n", "WITHHOLD\n");
    String draft = variables.path("draftLetterText").path("value").asText();
    assertThat(draft).contains("# Response to your request", "## The information we are withholding",
        "# Our reasons for withholding information", "Dear Pat Requester")
        .doesNotContain("=====", "-----", "GRANTED_IN_PART");
    // the form renders both (Text views, which Tasklist renders as Markdown) and links the draft's PDF
    String form = Files.readString(Path.of("forms/approve-response.form"));
    assertThat(form).contains("\"text\": \"{{decisionSummary}}\"", "\"text\": \"{{draftLetterText}}\"",
        "/api/requests/{{reference}}/letters/{{draftLetterId}}.pdf").doesNotContain("\"key\": \"outcome\"");
  }

  @Test
  void anOfficersRevisionKeepsItsHeadingsIntoTheLetterThePdfAndTheNextApproval() throws Exception {
    FoiCase foi = atApproval().returnedTo("DRAFT", "Say what the attached spreadsheet covers.");
    String drafted = (String) foi.variable("draftLetterText");
    String revised = drafted.replace("# Our reasons for withholding information",
        "# About the attached spreadsheet\n\nIt lists every camera site by ward.\n\n# Our reasons for withholding information");
    foi.complete("ReviseDraft", FoiCase.OFFICER, Map.of("draftLetterText", revised));

    JsonNode variables = approvalFormVariables(foi);

    assertThat(variables.path("draftLetterText").path("value").asText())
        .contains("# About the attached spreadsheet", "## The information we are withholding", "It lists every camera");
    assertThat(variables.path("decisionSummary").path("value").asText()).contains("Granted in part");
    StaffBrowser approver = new StaffBrowser(port);
    approver.signIn(FoiCase.APPROVER, "demo");
    String letter = "/api/requests/" + foi.reference() + "/letters/" + foi.variable("draftLetterId");
    assertThat(approver.get(letter + ".html").body()).contains("<h2>About the attached spreadsheet</h2>",
        "<h3>The information we are withholding</h3>", "<blockquote>");
    HttpResponse<byte[]> pdf = approver.client().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + letter + ".pdf")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      assertThat(new PDFTextStripper().getText(document)).contains("About the attached spreadsheet",
          "It lists every camera site by ward.", "Example Borough Council");
    }
  }

  @Test
  void anEmptyRevisionIsRefusedNamingTheLetterAndTheCaseWaitsForIt() {
    FoiCase foi = atApproval().returnedTo("DRAFT", "Shorten the letter.");

    assertThatThrownBy(() -> foi.complete("ReviseDraft", FoiCase.OFFICER, Map.of("draftLetterText", "  \n ")))
        // the form's rule, held by the engine (casefile.FormContractCheck) on every route
        .hasMessageContaining("draftLetterText is required");
    assertThat(foi.task("ReviseDraft")).isNotNull();
  }

  @Test
  void theDraftsPdfIsRefusedToAnOutsiderAndServedToFoiStaff() throws Exception {
    FoiCase foi = atApproval();
    String pdf = "/api/requests/" + foi.reference() + "/letters/" + foi.variable("draftLetterId") + ".pdf";
    HttpClient script = HttpClient.newHttpClient();

    HttpResponse<byte[]> refused = script.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pdf))
        .header("Authorization", BasicAuthCalls.authorization(Outsider.USER, Outsider.PASSWORD)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> served = script.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pdf))
        .header("Authorization", BasicAuthCalls.authorization(FoiCase.APPROVER, "demo")).build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(refused.statusCode()).isIn(403, 404);
    assertThat(new String(refused.body())).doesNotContain("%PDF", "Pat Requester");
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(new String(served.body(), 0, 5)).isEqualTo("%PDF-");
  }
}
