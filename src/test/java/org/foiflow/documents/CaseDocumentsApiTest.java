package org.foiflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.process.FoiCase;
import org.foiflow.security.StaffDoors;
import org.foiflow.security.StaffDoors.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Officers add the located documents of a case through /api/requests/{reference}/documents, decide each one and
 * redact it; the files are checked by their content, refused whole with a problem naming what is wrong, and the
 * rules hold for everyone who calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"foiflow.documents.max-file-size=2MB", "foiflow.documents.max-case-size=3MB"})
@ActiveProfiles({"test", "demo"})
class CaseDocumentsApiTest {

  static final ObjectMapper JSON = DocumentCalls.JSON;
  /** A two-page policy that names a member of staff on both pages. */
  static final byte[] POLICY = SampleFiles.pdf(List.of(
      List.of("CCTV and identification procedures", "Prepared by Jane Smith, Professional Standards"),
      List.of("Section 4: tactics", "Cameras are reviewed by Jane Smith every week.")));

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

  private DocumentCalls calls() {
    return new DocumentCalls(port, engine.getName());
  }

  private StaffDoors doors() {
    return calls().doors();
  }

  private Answer upload(String user, String reference, String fileName, byte[] content) throws Exception {
    return calls().upload(user, reference, fileName, content);
  }

  private JsonNode documents(FoiCase foi) throws Exception {
    return calls().documents(foi.reference());
  }

  private FoiCase beingLocated(String name) {
    return FoiCase.logged(engine, FoiCase.aRequest(name, today)).validAndHeld();
  }

  @Test
  void anOfficerAddsAPdfAndEveryoneOnTheTeamReadsIt() throws Exception {
    FoiCase foi = beingLocated("Pia Dee");
    Answer added = upload(FoiCase.OFFICER, foi.reference(), "CCTV policy.pdf", POLICY);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    JsonNode document = JSON.readTree(added.body());
    assertThat(document.path("contentType").asText()).isEqualTo("application/pdf");
    assertThat(document.path("pages").asInt()).isEqualTo(2);
    assertThat(document.path("size").asLong()).isEqualTo(POLICY.length);
    assertThat(document.path("sha256").asText()).isEqualTo(CaseDocuments.sha256(POLICY));
    String id = document.path("id").asText();
    assertThat(added.headers().firstValue("Location")).contains("/api/requests/" + foi.reference() + "/documents/" + id);

    JsonNode list = documents(foi);
    assertThat(list.path("editable").asBoolean()).isTrue();
    assertThat(list.path("exemptionChoices").findValuesAsText("code")).contains("s40-2", "s31-1-a").doesNotContain("eir-12-5-b");
    assertThat(list.path("items")).hasSize(1);
    JsonNode item = list.path("items").get(0);
    assertThat(item.path("fileName").asText()).isEqualTo("CCTV policy.pdf");
    assertThat(item.path("decision").asText()).isEqualTo("UNDECIDED");
    assertThat(item.path("addedBy").asText()).isEqualTo(FoiCase.OFFICER);
    assertThat(item.path("addedOn").asText()).endsWith("Z");

    Answer approverReads = doors().foiflow(FoiCase.APPROVER, "GET", "/api/requests/" + foi.reference() + "/documents/" + id, null);
    assertThat(approverReads.status()).as(approverReads.body()).isEqualTo(200);
    HttpResponse<byte[]> original = calls().download("maya", "/api/requests/" + foi.reference() + "/documents/" + id + "/original");
    assertThat(original.statusCode()).isEqualTo(200);
    assertThat(original.body()).isEqualTo(POLICY);
    assertThat(original.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
    assertThat(foi.variable("assessedBy")).as("adding a document takes part in the assessment (four eyes)")
        .asString().contains(FoiCase.OFFICER);

    Answer again = upload(FoiCase.SECOND_OFFICER, foi.reference(), "copy.pdf", POLICY);
    assertThat(again.status()).as("the same file twice").isEqualTo(409);
    assertThat(documents(foi).path("items")).hasSize(1);
  }

  @Test
  void badFilesAreRefusedNamingTheProblemAndNothingIsStored() throws Exception {
    FoiCase foi = beingLocated("Bad Files");
    Answer empty = upload(FoiCase.OFFICER, foi.reference(), "empty.pdf", new byte[0]);
    assertThat(empty.status()).as(empty.body()).isEqualTo(400);
    assertThat(JSON.readTree(empty.body()).path("errors").path("file").asText()).contains("empty");

    Answer html = upload(FoiCase.OFFICER, foi.reference(), "policy.pdf",
        "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes());
    assertThat(html.status()).as(html.body()).isEqualTo(415);
    assertThat(JSON.readTree(html.body()).path("detail").asText()).contains("HTML").contains(".pdf");
    assertThat(JSON.readTree(html.body()).path("type").asText()).endsWith("/document-type-mismatch");

    Answer cutOff = calls().truncatedUpload(FoiCase.OFFICER, foi.reference());
    assertThat(cutOff.status()).as(cutOff.body()).isEqualTo(400);
    assertThat(JSON.readTree(cutOff.body()).path("errors").has("file")).as(cutOff.body()).isTrue();

    Answer script = upload(FoiCase.OFFICER, foi.reference(), "invoice.pdf", "#!/bin/sh\nrm -rf /\n".getBytes());
    assertThat(script.status()).as(script.body()).isEqualTo(415);

    Answer encrypted = upload(FoiCase.OFFICER, foi.reference(), "locked.pdf", SampleFiles.encryptedPdf("Secret"));
    assertThat(encrypted.status()).as(encrypted.body()).isEqualTo(422);
    assertThat(JSON.readTree(encrypted.body()).path("detail").asText()).contains("encrypted");

    Answer bomb = upload(FoiCase.OFFICER, foi.reference(), "report.docx", SampleFiles.zipBombDocx());
    assertThat(bomb.status()).as(bomb.body()).isEqualTo(422);
    assertThat(JSON.readTree(bomb.body()).path("detail").asText()).contains("zip bomb");

    Answer tooLarge = upload(FoiCase.OFFICER, foi.reference(), "big.pdf", padded(POLICY, 2 * 1024 * 1024 + 1));
    assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
    assertThat(JSON.readTree(tooLarge.body()).path("errors").has("file")).isTrue();

    Answer pastSpring = upload(FoiCase.OFFICER, foi.reference(), "huge.txt", new byte[101 * 1024 * 1024]);
    assertThat(pastSpring.status()).as(pastSpring.body()).isEqualTo(413);
    assertThat(pastSpring.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

    assertThat(documents(foi).path("items")).as("nothing stored").isEmpty();

    assertThat(upload(FoiCase.OFFICER, foi.reference(), "a.pdf", padded(POLICY, 1_800_000)).status()).isEqualTo(201);
    Answer overTheCase = upload(FoiCase.OFFICER, foi.reference(), "b.pdf", padded(POLICY, 1_500_000));
    assertThat(overTheCase.status()).as(overTheCase.body()).isEqualTo(413);
    assertThat(JSON.readTree(overTheCase.body()).path("detail").asText()).contains("case");
    assertThat(documents(foi).path("items")).hasSize(1);
  }

  @Test
  void approversAndManagersReadButMayNotChangeDocuments() throws Exception {
    FoiCase foi = beingLocated("Read Only");
    Answer approver = upload(FoiCase.APPROVER, foi.reference(), "policy.pdf", POLICY);
    assertThat(approver.status()).as(approver.body()).isEqualTo(403);
    Answer manager = upload("maya", foi.reference(), "policy.pdf", POLICY);
    assertThat(manager.status()).as(manager.body()).isEqualTo(403);
    Answer json = doors().foiflow(FoiCase.OFFICER, "POST", "/api/requests/" + foi.reference() + "/documents", "{}");
    assertThat(json.status()).as(json.body()).isEqualTo(415);
    assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    Answer unknown = upload(FoiCase.OFFICER, "FOI-2026-99997", "policy.pdf", POLICY);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(documents(foi).path("items")).isEmpty();
  }

  @Test
  void aDecisionIsCheckedAgainstTheCatalogueAndTheRegime() throws Exception {
    FoiCase foi = beingLocated("Dee Cide");
    String id = JSON.readTree(upload(FoiCase.OFFICER, foi.reference(), "policy.pdf", POLICY).body()).path("id").asText();
    String path = "/api/requests/" + foi.reference() + "/documents/" + id + "/decision";

    Answer noExemption = doors().foiflow(FoiCase.OFFICER, "PUT", path, "{\"decision\":\"WITHHOLD\",\"exemptions\":[]}");
    assertThat(noExemption.status()).as(noExemption.body()).isEqualTo(400);
    assertThat(JSON.readTree(noExemption.body()).path("errors").has("exemptions")).isTrue();
    Answer unknown = doors().foiflow(FoiCase.OFFICER, "PUT", path, "{\"decision\":\"WITHHOLD\",\"exemptions\":[\"s99\"]}");
    assertThat(unknown.status()).isEqualTo(400);
    Answer eir = doors().foiflow(FoiCase.OFFICER, "PUT", path, "{\"decision\":\"WITHHOLD\",\"exemptions\":[\"reg.12(5)(b)\"]}");
    assertThat(eir.status()).isEqualTo(400);
    assertThat(JSON.readTree(eir.body()).path("errors").path("exemptions").asText()).contains("Freedom of Information Act");
    Answer redactedWithoutRedactions = doors().foiflow(FoiCase.OFFICER, "PUT", path, "{\"decision\":\"RELEASE_REDACTED\"}");
    assertThat(redactedWithoutRedactions.status()).isEqualTo(400);
    assertThat(JSON.readTree(redactedWithoutRedactions.body()).path("errors").has("decision")).isTrue();

    Answer withheld = doors().foiflow(FoiCase.OFFICER, "PUT", path,
        "{\"decision\":\"WITHHOLD\",\"exemptions\":[\"s31(1)(a)\",\"Section 40(2)\"]}");
    assertThat(withheld.status()).as(withheld.body()).isEqualTo(200);
    assertThat(JSON.readTree(withheld.body()).path("exemptions").findValuesAsText("")).isEmpty();
    assertThat(JSON.readTree(withheld.body()).path("exemptions").toString()).isEqualTo("[\"s31-1-a\",\"s40-2\"]");
    assertThat(JSON.readTree(withheld.body()).path("decision").asText()).isEqualTo("WITHHOLD");
  }

  @Test
  void aBoxDrawnOnAPageIsARedactionUnderItsExemption() throws Exception {
    FoiCase foi = beingLocated("Box Drawer");
    String id = JSON.readTree(upload(FoiCase.OFFICER, foi.reference(), "policy.pdf", POLICY).body()).path("id").asText();
    String path = "/api/requests/" + foi.reference() + "/documents/" + id;
    Answer offPage = doors().foiflow(FoiCase.OFFICER, "POST", path + "/redactions",
        "{\"page\":3,\"x\":72,\"y\":60,\"width\":200,\"height\":20,\"exemption\":\"s40(2)\"}");
    assertThat(offPage.status()).as(offPage.body()).isEqualTo(400);
    Answer pastTheEdge = doors().foiflow(FoiCase.OFFICER, "POST", path + "/redactions",
        "{\"page\":1,\"x\":900,\"y\":60,\"width\":200,\"height\":20,\"exemption\":\"s40(2)\"}");
    assertThat(pastTheEdge.status()).as(pastTheEdge.body()).isEqualTo(400);
    assertThat(JSON.readTree(pastTheEdge.body()).path("errors").has("x")).as(pastTheEdge.body()).isTrue();
    Answer tooTall = doors().foiflow(FoiCase.OFFICER, "POST", path + "/redactions",
        "{\"page\":1,\"x\":72,\"y\":800,\"width\":200,\"height\":100,\"exemption\":\"s40(2)\"}");
    assertThat(JSON.readTree(tooTall.body()).path("errors").has("height")).as(tooTall.body()).isTrue();
    Answer negative = doors().foiflow(FoiCase.OFFICER, "POST", path + "/redactions",
        "{\"page\":1,\"x\":-5,\"y\":60,\"width\":200,\"height\":20,\"exemption\":\"s40(2)\"}");
    assertThat(JSON.readTree(negative.body()).path("errors").has("x")).as(negative.body()).isTrue();
    Answer wrongType = doors().foiflow(FoiCase.OFFICER, "POST", path + "/redactions",
        "{\"page\":\"first\",\"x\":72,\"y\":60,\"width\":200,\"height\":20,\"exemption\":\"s40(2)\"}");
    assertThat(wrongType.status()).as(wrongType.body()).isEqualTo(400);
    assertThat(JSON.readTree(wrongType.body()).path("errors").has("page")).as(wrongType.body()).isTrue();
    Answer malformed = doors().foiflow(FoiCase.OFFICER, "POST", path + "/redactions", "{\"page\":1,");
    assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
    Answer unknownDecision = doors().foiflow(FoiCase.OFFICER, "PUT", path + "/decision", "{\"decision\":\"MAYBE\"}");
    assertThat(JSON.readTree(unknownDecision.body()).path("errors").has("decision")).as(unknownDecision.body()).isTrue();
    Answer box = doors().foiflow(FoiCase.OFFICER, "POST", path + "/redactions",
        "{\"page\":1,\"x\":72,\"y\":60,\"width\":200,\"height\":20,\"exemption\":\"s40(2)\"}");
    assertThat(box.status()).as(box.body()).isEqualTo(201);
    JsonNode redaction = JSON.readTree(box.body());
    assertThat(redaction.path("exemption").asText()).isEqualTo("s40-2");
    assertThat(redaction.path("label").asText()).isEqualTo("s.40(2)");
    assertThat(redaction.path("count").asInt()).isEqualTo(1);
    assertThat(redaction.path("documentDecision").asText()).as("an undecided document becomes a redacted release")
        .isEqualTo("RELEASE_REDACTED");
    JsonNode document = JSON.readTree(doors().foiflow(FoiCase.OFFICER, "GET", path, null).body());
    assertThat(document.path("redactions")).hasSize(1);
    assertThat(document.path("redactions").get(0).path("areas").get(0).path("width").asDouble()).isEqualTo(200);

    Answer removed = doors().foiflow(FoiCase.OFFICER, "DELETE", path + "/redactions/" + redaction.path("id").asText(), null);
    assertThat(removed.status()).isEqualTo(204);
    assertThat(doors().foiflow(FoiCase.OFFICER, "DELETE", path + "/redactions/" + redaction.path("id").asText(), null)
        .status()).as("removed twice").isEqualTo(404);
    JsonNode after = JSON.readTree(doors().foiflow(FoiCase.OFFICER, "GET", path, null).body());
    assertThat(after.path("redactions")).isEmpty();
    assertThat(after.path("decision").asText()).isEqualTo("UNDECIDED");
  }

  /** The PDF followed by blank lines up to {@code size} bytes: still the same PDF to a reader, only larger. */
  static byte[] padded(byte[] pdf, int size) {
    byte[] padded = java.util.Arrays.copyOf(pdf, size);
    java.util.Arrays.fill(padded, pdf.length, size, (byte) '\n');
    return padded;
  }

  @Test
  void everyKindOfFileACaseTakesBecomesPdfPages() throws Exception {
    FoiCase foi = beingLocated("All Kinds");
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("photo.png", SampleFiles.png(800, 600));
    files.put("complaint.eml", SampleFiles.eml());
    files.put("notes.txt", "Notes of the meeting <b>not bold</b> & more.\nSecond line.".getBytes(StandardCharsets.UTF_8));
    files.put("costs.csv", "Item,Cost\nCamera,\"1,200\"\nCable,35\n".getBytes(StandardCharsets.UTF_8));
    files.put("letter.docx", SampleFiles.officeFile("letter.txt", "Dear Jane Smith,\nThe cameras were moved.", "docx"));
    files.put("budget.xlsx", SampleFiles.officeFile("budget.csv", "Item,Cost\nCamera,1200\n", "xlsx"));
    Map<String, String> types = Map.of("photo.png", "image/png", "complaint.eml", "message/rfc822",
        "notes.txt", "text/plain", "costs.csv", "text/csv", "letter.docx", FileInspection.DOCX, "budget.xlsx", FileInspection.XLSX);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Answer added = upload(FoiCase.OFFICER, foi.reference(), file.getKey(), file.getValue());
      assertThat(added.status()).as(file.getKey() + ": " + added.body()).isEqualTo(201);
      JsonNode document = JSON.readTree(added.body());
      assertThat(document.path("contentType").asText()).as(file.getKey()).isEqualTo(types.get(file.getKey()));
      assertThat(document.path("pages").asInt()).as(file.getKey()).isEqualTo(1);
      assertThat(document.path("sha256").asText()).isEqualTo(CaseDocuments.sha256(file.getValue()));
      String id = document.path("id").asText();
      HttpResponse<byte[]> page = calls().download(FoiCase.OFFICER, "/api/requests/" + foi.reference() + "/documents/" + id + "/pages/1.png");
      assertThat(page.statusCode()).as(file.getKey()).isEqualTo(200);
      assertThat(ImageIO.read(new ByteArrayInputStream(page.body()))).as(file.getKey()).isNotNull();
    }
    JsonNode list = documents(foi);
    assertThat(list.path("items")).hasSize(files.size());
    String eml = list.path("items").get(1).path("id").asText();
    Answer quoted = doors().foiflow(FoiCase.OFFICER, "POST", "/api/requests/" + foi.reference() + "/documents/" + eml
        + "/redactions", "{\"text\":\"camera-map.pdf\",\"exemption\":\"s40(2)\"}");
    assertThat(quoted.status()).as("the email's attachment is listed by name: " + quoted.body()).isEqualTo(201);
    Answer script = doors().foiflow(FoiCase.OFFICER, "POST", "/api/requests/" + foi.reference() + "/documents/" + eml
        + "/redactions", "{\"text\":\"<script>alert(1)</script>\",\"exemption\":\"s40(2)\"}");
    assertThat(script.status()).as("the subject's markup is shown as text: " + script.body()).isEqualTo(201);
  }

  @Test
  void textAndPatternRedactionsCoverEveryMatchAndAreBurnedIntoTheCopy() throws Exception {
    FoiCase foi = beingLocated("Red Actor");
    String id = calls().added(foi.reference(), "CCTV policy.pdf", POLICY);
    String path = "/api/requests/" + foi.reference() + "/documents/" + id;

    JsonNode pages = JSON.readTree(doors().foiflow(FoiCase.OFFICER, "GET", path + "/pages", null).body());
    assertThat(pages.path("pages")).hasSize(2);
    assertThat(pages.path("pages").get(0).path("width").asDouble()).isCloseTo(595.3, org.assertj.core.data.Offset.offset(0.5));

    Answer nowhere = doors().foiflow(FoiCase.OFFICER, "POST", path + "/redactions", "{\"text\":\"John Doe\",\"exemption\":\"s40(2)\"}");
    assertThat(nowhere.status()).as(nowhere.body()).isEqualTo(422);
    assertThat(JSON.readTree(nowhere.body()).path("errors").has("text")).isTrue();
    Answer name = doors().foiflow(FoiCase.OFFICER, "POST", path + "/redactions", "{\"text\":\"jane  smith\",\"exemption\":\"s.40(2)\"}");
    assertThat(name.status()).as(name.body()).isEqualTo(201);
    JsonNode redaction = JSON.readTree(name.body());
    assertThat(redaction.path("count").asInt()).isEqualTo(2);
    assertThat(redaction.path("areas").findValuesAsText("page")).containsExactly("1", "2");
    assertThat(redaction.path("label").asText()).isEqualTo("s.40(2)");
    Answer pattern = doors().foiflow(FoiCase.OFFICER, "POST", path + "/redactions", "{\"pattern\":\"Section \\\\d+\",\"exemption\":\"s31(1)(a)\"}");
    assertThat(pattern.status()).as(pattern.body()).isEqualTo(201);
    assertThat(JSON.readTree(pattern.body()).path("count").asInt()).isEqualTo(1);
    Answer badPattern = doors().foiflow(FoiCase.OFFICER, "POST", path + "/redactions", "{\"pattern\":\"(\",\"exemption\":\"s31\"}");
    assertThat(badPattern.status()).isEqualTo(400);
    Answer backtracking = doors().foiflow(FoiCase.OFFICER, "POST", path + "/redactions",
        "{\"pattern\":\"(.|\\\\w)*\\\\1#\",\"exemption\":\"s31\"}");
    assertThat(backtracking.status()).as(backtracking.body()).isEqualTo(400);
    assertThat(JSON.readTree(backtracking.body()).path("errors").path("pattern").asText()).contains("longer than");

    HttpResponse<byte[]> copy = calls().download(FoiCase.APPROVER, path + "/redacted.pdf");
    assertThat(copy.statusCode()).isEqualTo(200);
    String released = org.foiflow.redaction.PdfText.text(copy.body());
    assertThat(released).doesNotContainIgnoringCase("jane smith").doesNotContain("Section 4").contains("Professional Standards");
    assertThat(calls().download(FoiCase.OFFICER, path + "/redacted/pages/2.png").statusCode()).isEqualTo(200);
    assertThat(calls().download(FoiCase.OFFICER, path + "/pages/3.png").statusCode()).isEqualTo(404);
    assertThat(calls().download(FoiCase.OFFICER, path + "/pages/1.png?dpi=500").statusCode()).isEqualTo(400);

    JsonNode suggestions = JSON.readTree(doors().foiflow(FoiCase.OFFICER, "GET", path + "/suggestions", null).body());
    assertThat(suggestions.path("items").isArray()).isTrue();
    JsonNode document = JSON.readTree(doors().foiflow(FoiCase.OFFICER, "GET", path, null).body());
    assertThat(document.path("decision").asText()).isEqualTo("RELEASE_REDACTED");
    assertThat(document.path("redactions")).hasSize(2);
  }

  @Test
  void aDocumentOfAnotherCaseIsNotFoundUnderThisCasesReference() throws Exception {
    FoiCase holder = beingLocated("Document Holder");
    FoiCase other = beingLocated("Other Case");
    String id = calls().added(holder.reference(), "CCTV policy.pdf", POLICY);
    String elsewhere = "/api/requests/" + other.reference() + "/documents/" + id;

    assertThat(doors().foiflow(FoiCase.OFFICER, "GET", elsewhere, null).status()).isEqualTo(404);
    assertThat(calls().download(FoiCase.OFFICER, elsewhere + "/original").statusCode()).isEqualTo(404);
    assertThat(calls().download(FoiCase.OFFICER, elsewhere + "/redacted.pdf").statusCode()).isEqualTo(404);
    assertThat(calls().download(FoiCase.OFFICER, elsewhere + "/pages/1.png").statusCode()).isEqualTo(404);
    assertThat(doors().foiflow(FoiCase.OFFICER, "POST", elsewhere + "/redactions",
        "{\"text\":\"Jane Smith\",\"exemption\":\"s40(2)\"}").status()).isEqualTo(404);
    assertThat(doors().foiflow(FoiCase.OFFICER, "DELETE", elsewhere, null).status()).isEqualTo(404);
    assertThat(calls().documents(holder.reference()).path("items")).as("the document is still on its own case")
        .singleElement().satisfies(document -> assertThat(document.path("redactions")).isEmpty());
  }

  @Test
  void theSameFileUploadedByTwoOfficersAtOnceIsKeptOnce() throws Exception {
    FoiCase foi = beingLocated("Two At Once");
    byte[] minutes = SampleFiles.pdf(List.of(List.of("Minutes of the CCTV review, 2 March")));
    List<java.util.concurrent.CompletableFuture<Answer>> uploads = new java.util.ArrayList<>();
    for (String officer : List.of(FoiCase.OFFICER, FoiCase.SECOND_OFFICER, FoiCase.OFFICER, FoiCase.SECOND_OFFICER)) {
      uploads.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return upload(officer, foi.reference(), "minutes.pdf", minutes);
        } catch (Exception failed) {
          throw new IllegalStateException(failed);
        }
      }));
    }
    List<Integer> statuses = uploads.stream().map(java.util.concurrent.CompletableFuture::join).map(Answer::status).toList();
    assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
    assertThat(documents(foi).path("items")).hasSize(1);
  }
}
