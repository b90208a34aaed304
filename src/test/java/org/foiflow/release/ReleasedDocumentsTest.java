package org.foiflow.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.foiflow.release.CaseDocumentCalls.pdfOf;
import static org.foiflow.release.CaseDocumentCalls.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.foiflow.correspondence.MailServerForTests;
import org.foiflow.disclosure.DisclosureLogEntry;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16, end to end over HTTP with the real engine and a real SMTP server: a document uploaded to a case, redacted
 * (personal data by text under s.40(2), operational detail by box under s.31(1)(a)), cited in the letter with its
 * schedule of redactions, approved, emailed with its redacted copy attached, and offered by the disclosure log;
 * and, for a requester without email, printed with the letter as one PDF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ReleasedDocumentsTest {

  @RegisterExtension
  static final MailServerForTests mail = MailServerForTests.started();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry properties) {
    mail.sendTo(properties);
  }

  static final String NAME = "Gideon Fairweather";
  static final String EMAIL = "gideon.fairweather@force.example";
  static final String OPERATIONAL = "Footage from the Marketgate cameras is checked by the duty sergeant at three"
      + " each night and overwritten after seventy-two hours, so a suspect seen after midnight is identified before"
      + " the recording is lost.";
  static final String KEPT = "The policy is reviewed every year by the Professional Standards Department.";

  /** The policy as located: a named officer, his email address, a paragraph of operational detail. */
  static byte[] thePolicy() {
    return pdfOf("CCTV and identification procedures", "This policy applies to every officer of the force.",
        "Questions about this policy go to " + NAME + " at " + EMAIL + ".", OPERATIONAL, KEPT);
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void partlyReleasedWithPersonalDataAndOperationalDetailRedacted() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Robin Redacted", LocalDate.of(2026, 11, 2)))
        .validAndHeld().located();
    String reference = foi.reference();
    CaseDocumentCalls documents = new CaseDocumentCalls(port, reference);
    byte[] policy = thePolicy();
    String id = documents.upload("CCTV policy.pdf", policy);
    assertThat(documents.redactText(id, NAME, "s40(2)").get("count").asInt()).isEqualTo(1);
    assertThat(documents.redactText(id, EMAIL, "s40(2)").get("count").asInt()).isEqualTo(1);
    documents.redactBoxAround(id, policy, OPERATIONAL, "s31(1)(a)");
    documents.decide(id, "RELEASE_REDACTED");

    assessedInPart(foi);
    // the officer's letter cites both exemptions, lists the document it releases and annexes the schedule
    String draft = String.valueOf(foi.variable("draftLetterText"));
    assertThat(draft).contains("Section 31(1)(a)", "Section 40(2)", "We attach the following document:",
        "CCTV policy", "Schedule of redactions");
    // the approver sees the document's decision and a link to its redacted copy beside the draft
    String summary = String.valueOf(foi.variable("decisionSummary"));
    assertThat(summary).contains("### Documents", "Release redacted", "Section 31(1)(a)", "Section 40(2)",
        "/api/requests/" + reference + "/documents/" + id + "/redacted.pdf", "/cases/" + reference + "#documents");

    foi.approved();

    MimeMessage response = responseTo(reference);
    Map<String, byte[]> attached = attachments(response);
    assertThat(attached).containsKey(reference + ".pdf").hasSize(2);
    byte[] redacted = attached.entrySet().stream().filter(file -> !file.getKey().equals(reference + ".pdf"))
        .findFirst().orElseThrow().getValue();
    String released = text(redacted);
    assertThat(released).doesNotContain("Gideon", "Fairweather", "gideon.fairweather", "force.example", "Marketgate",
        "seventy-two", "duty sergeant");
    assertThat(released).contains("s.40(2)", "s.31(1)(a)", "CCTV and identification procedures",
        "reviewed every year");
    assertThat(text(attached.get(reference + ".pdf"))).contains("Schedule of redactions", "Section 40(2)",
        "Section 31(1)(a)");

    // published, the disclosure log offers the same redacted copy, to anyone, without login
    published(foi);
    JsonNode entry = logEntry(reference);
    assertThat(entry.get("documents")).hasSize(1);
    String href = entry.get("documents").get(0).get("href").asText();
    assertThat(href).isEqualTo("/disclosure-log/" + reference + "/documents/" + id + ".pdf");
    HttpResponse<byte[]> fromTheLog = anonymous(href);
    assertThat(fromTheLog.statusCode()).isEqualTo(200);
    assertThat(text(fromTheLog.body())).isEqualTo(released);
    assertThat(new String(anonymous("/disclosure-log").body())).contains(href);
    // the original is not on the public path, nor anywhere without a login
    assertThat(anonymous("/api/requests/" + reference + "/documents/" + id + "/original").statusCode()).isEqualTo(401);
    assertThat(anonymous("/disclosure-log/" + reference + "/documents/no-such-document.pdf").statusCode()).isEqualTo(404);
  }

  @Test
  void releasedInFullByPostWithTheLetterAndItsDocumentInOnePdfToPrint() throws Exception {
    VariableMap request = FoiCase.aRequest("Paula Printed", LocalDate.of(2026, 11, 3))
        .putValue("requesterAddress", "4 Paper Lane\nExampleton\nEX2 2BB");
    request.remove("requesterEmail");
    FoiCase foi = FoiCase.logged(engine, request).validAndHeld().located();
    String reference = foi.reference();
    CaseDocumentCalls documents = new CaseDocumentCalls(port, reference);
    String id = documents.upload("Camera sites.pdf", pdfOf("Camera sites", "Marketgate, Station Road, Quay Street."));
    documents.decide(id, "RELEASE_IN_FULL");
    foi.assessed("FULL").approved();

    // the acknowledgement went to post too: the response's task is the last
    List<Task> toPost = engine.getTaskService().createTaskQuery().processDefinitionKey("letter-by-post")
        .processInstanceBusinessKey(reference).orderByTaskCreateTime().asc().list();
    assertThat(toPost).hasSize(2);
    Task printAndPost = toPost.get(1);
    assertThat(printAndPost.getName()).contains("response letter");
    String letterPdf = (String) engine.getTaskService().getVariable(printAndPost.getId(), "letterPdf");
    HttpResponse<byte[]> bundle = asOfficer(letterPdf + "?withDocuments=true");
    assertThat(bundle.statusCode()).isEqualTo(200);
    HttpResponse<byte[]> letterAlone = asOfficer(letterPdf);
    try (PDDocument merged = Loader.loadPDF(bundle.body()); PDDocument letter = Loader.loadPDF(letterAlone.body())) {
      assertThat(merged.getNumberOfPages()).isEqualTo(letter.getNumberOfPages() + 1);
    }
    assertThat(text(bundle.body())).contains("We attach the following document:", "Camera sites.pdf",
        "Marketgate, Station Road, Quay Street.");
    assertThat(text(letterAlone.body())).doesNotContain("Quay Street");
  }

  @Test
  void aReleasedDocumentThatShowsTheRequesterIsNotPublishedOnTheLog() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Quentin Quibblethwaite", LocalDate.of(2026, 11, 4)))
        .validAndHeld().located();
    CaseDocumentCalls documents = new CaseDocumentCalls(port, foi.reference());
    String id = documents.upload("Complaint file.pdf", pdfOf("Complaint file",
        "Mr Quibblethwaite complained about the Marketgate camera on 3 March."));
    documents.decide(id, "RELEASE_IN_FULL");
    foi.assessed("FULL").approved();
    assertThat(attachments(responseTo(foi.reference()))).containsKey("Complaint file.pdf");

    // refused by the approval's task listener, so by every route that completes the task
    assertThatThrownBy(() -> published(foi)).hasMessageContaining("publishDecision").hasMessageContaining("Complaint file.pdf")
        .hasMessageContaining("requester's name");
    assertThat(anonymous("/disclosure-log/" + foi.reference() + "/documents/" + id + ".pdf").statusCode()).isEqualTo(404);
  }

  @Test
  void aReleasedDocumentNamedAfterTheRequesterIsNotPublishedOnTheLog() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Rowena Ravensworth", LocalDate.of(2026, 11, 4)))
        .validAndHeld().located();
    CaseDocumentCalls documents = new CaseDocumentCalls(port, foi.reference());
    String id = documents.upload("Reply to Rowena Ravensworth.pdf", pdfOf("Camera sites",
        "The Marketgate camera was installed on 3 March."));
    documents.decide(id, "RELEASE_IN_FULL");
    foi.assessed("FULL").approved();

    // the text is clean; the name the log would publish it under is not
    assertThatThrownBy(() -> published(foi)).hasMessageContaining("publishDecision")
        .hasMessageContaining("requester's name");
    assertThat(anonymous("/disclosure-log/" + foi.reference() + "/documents/" + id + ".pdf").statusCode()).isEqualTo(404);
  }

  /** The officer assesses the case in part under s.31(1)(a) and s.40(2); harm and public interest as for s.31. */
  private void assessedInPart(FoiCase foi) {
    foi.complete("AssessExemptions", FoiCase.OFFICER, Variables.createVariables()
        .putValue("disclosureScope", "PART")
        .putValue("exemptions", List.of("s31", "s40-2"))
        .putValue("exemptionSubsections", List.of("s31-1-a"))
        .putValue("withheldDescription", "The name and email address of an officer, and a paragraph on how footage is reviewed.")
        .putValue("assessmentNotes", "The officer is not senior and public facing; the review times would help offenders."));
    foi.harmShown("WOULD_BE_LIKELY").publicInterestBalanced("WITHHOLD");
    assertThat(foi.task("ApproveResponse")).isNotNull();
  }

  /** The response email (the last of the case's emails). */
  private MimeMessage responseTo(String reference) {
    MimeMessage[] ours = mail.about(reference).toArray(MimeMessage[]::new);
    assertThat(ours).hasSizeGreaterThanOrEqualTo(2);
    return ours[ours.length - 1];
  }

  static Map<String, byte[]> attachments(MimeMessage message) throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    Multipart parts = (Multipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      Part part = parts.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        assertThat(part.getContentType()).startsWith("application/pdf");
        files.put(part.getFileName(), part.getInputStream().readAllBytes());
      }
    }
    return files;
  }

  /** An officer approves the entry the closed case offered, with the texts as prepared. */
  private void published(FoiCase foi) {
    ProcessInstance entry = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(DisclosureLogEntry.PROCESS_KEY).processInstanceBusinessKey(foi.reference()).singleResult();
    assertThat(entry).as("a disclosure log entry waits").isNotNull();
    Task approval = engine.getTaskService().createTaskQuery().processInstanceId(entry.getId())
        .taskDefinitionKey("ApproveEntry").singleResult();
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : List.of("publishedSubject", "publishedRequest", "publishedResponse")) {
      Object value = engine.getRuntimeService().getVariable(entry.getId(), name);
      values.put(name, value instanceof SpinJsonNode node && node.isString() ? node.stringValue() : value);
    }
    values.put("publishDecision", DisclosureLogEntry.PUBLISH);
    FoiCase.actingAs(engine, FoiCase.SECOND_OFFICER, () -> {
      engine.getTaskService().claim(approval.getId(), FoiCase.SECOND_OFFICER);
      engine.getTaskService().complete(approval.getId(), values);
    });
  }

  private JsonNode logEntry(String reference) throws Exception {
    JsonNode page = json.readTree(anonymous("/disclosure-log.json?q=" + reference).body());
    assertThat(page.get("entries")).hasSize(1);
    return page.get("entries").get(0);
  }

  private HttpResponse<byte[]> anonymous(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> asOfficer(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", BasicAuthCalls.authorization(FoiCase.OFFICER, "demo")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
