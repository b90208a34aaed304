package org.foiflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.http.BasicAuthCalls;
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

  static final ObjectMapper JSON = new ObjectMapper();
  static final byte[] POLICY = SampleFiles.pdf(List.of(
      List.of("CCTV and identification procedures", "Prepared by Jane Smith, Professional Standards"),
      List.of("Section 4: tactics", "Cameras are reviewed by Jane Smith every week.")));

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

  StaffDoors doors() {
    return new StaffDoors(port, engine.getName());
  }

  Answer upload(String user, String reference, String fileName, byte[] content) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(BasicAuthCalls.fileUpload(
            "http://localhost:" + port + "/api/requests/" + reference + "/documents", "file", fileName, content, user, "demo")
        .build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), response.headers());
  }

  HttpResponse<byte[]> download(String user, String path) throws Exception {
    return HttpClient.newHttpClient().send(BasicAuthCalls.jsonRequest("http://localhost:" + port + path, "GET", null,
        user, "demo").build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  JsonNode documents(FoiCase foi) throws Exception {
    Answer list = doors().foiflow(FoiCase.OFFICER, "GET", "/api/requests/" + foi.reference() + "/documents", null);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return JSON.readTree(list.body());
  }

  FoiCase beingLocated(String name) {
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
    HttpResponse<byte[]> original = download("maya", "/api/requests/" + foi.reference() + "/documents/" + id + "/original");
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
}
