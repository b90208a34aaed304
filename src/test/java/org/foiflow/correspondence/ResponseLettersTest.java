package org.foiflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The letters leave the building: acknowledgement and response reach a real SMTP server with the PDF
 * attached, and every letter of the case can be fetched as HTML and PDF through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ResponseLettersTest {

  @RegisterExtension
  static final MailServerForTests mail = MailServerForTests.started();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry properties) {
    mail.sendTo(properties);
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private HttpResponse<byte[]> get(String path, String accept) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", accept)
        .header("Authorization", BasicAuthCalls.authorization("maya", "demo"))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void refusalUnderSection31IsEmailedWithItsPdfAndListedWithTheCase() throws Exception {
    VariableMap request = FoiCase.aRequest("Robin Requester", LocalDate.of(2026, 11, 2));
    FoiCase foi = FoiCase.logged(engine, request).validAndHeld().located().assessed("WITHHOLD", "s31")
        .harmShown("WOULD_BE_LIKELY").publicInterestBalanced("WITHHOLD").approved();
    String reference = foi.reference();

    MimeMessage[] received = mail.received();
    MimeMessage[] ours = Arrays.stream(received)
        .filter(message -> GreenMailUtil.getHeaders(message).contains(reference)).toArray(MimeMessage[]::new);
    assertThat(ours).hasSize(2);
    assertThat(ours[0].getAllRecipients()[0].toString()).isEqualTo("robin.requester@example.org");
    MimeMessage response = ours[1];
    assertThat(response.getSubject()).startsWith(reference);
    byte[] attachedPdf = pdfAttachment(response);
    assertThat(text(attachedPdf)).contains(reference).contains("Section 31").containsIgnoringCase("Information Commissioner");
    assertThat(foi.variable("responseChannel")).isEqualTo("EMAIL");

    HttpResponse<byte[]> list = get("/api/requests/" + reference + "/letters", "application/json");
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode letters = new ObjectMapper().readTree(list.body());
    assertThat(letters).hasSize(2);
    assertThat(letters.get(0).get("type").asText()).isEqualTo("ACKNOWLEDGEMENT");
    assertThat(letters.get(1).get("type").asText()).isEqualTo("REFUSAL_NOTICE");
    assertThat(letters.get(1).get("channel").asText()).isEqualTo("EMAIL");
    assertThat(letters.get(1).get("sentOn").asText()).isNotBlank();

    HttpResponse<byte[]> html = get(letters.get(1).get("html").asText(), "text/html");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(new String(html.body(), StandardCharsets.UTF_8)).contains(reference);

    HttpResponse<byte[]> pdf = get("/api/requests/" + reference + "/letters/letter2", "application/pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(text(pdf.body())).contains(reference);
    // the case files only the HTML; the download and the attachment are both rendered from it
    assertThat(text(pdf.body())).isEqualTo(text(attachedPdf));
    HttpResponse<byte[]> pdfFile = get(letters.get(1).get("pdf").asText(), "*/*");
    assertThat(pdfFile.headers().firstValue("Content-Type")).hasValue("application/pdf");
    ContentDisposition download = ContentDisposition.parse(pdfFile.headers().firstValue("Content-Disposition").orElseThrow());
    assertThat(download.isAttachment()).as("a download: no PDF viewer runs in the sandbox of /api").isTrue();
    assertThat(download.getFilename()).isEqualTo(reference + "-refusal-notice.pdf");
    assertThat(text(pdfFile.body())).isEqualTo(text(attachedPdf));
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(foi.instance().getId()).variableNameLike("letter%").list())
        .extracting(variable -> variable.getName()).filteredOn(name -> name.matches("letter\\d+.*"))
        .containsExactlyInAnyOrder("letter1Html", "letter2Html");

    assertThat(get("/api/requests/" + reference + "/letters/letter9", "application/pdf").statusCode()).isEqualTo(404);
  }

  @Test
  void aResponseWithNoEmailAddressIsMarkedForPost() {
    VariableMap request = FoiCase.aRequest("Post Only", LocalDate.of(2026, 11, 2));
    request.putValue("requesterEmail", null).putValue("requesterAddress", "2 Church Lane, Exampleton EX2 2BB");
    int before = mail.received().length;
    FoiCase foi = FoiCase.logged(engine, request).triagedAs(java.util.Map.of("informationHeld", false)).approved();
    assertThat(mail.received()).hasSize(before);
    assertThat(foi.variable("responseChannel")).isEqualTo("POST");
    assertThat(foi.variable("respondedOn")).isNotNull();
  }

  @Test
  void scriptTypedByARequesterIsEscapedInTheLetterAndTheEmail() throws Exception {
    VariableMap request = FoiCase.aRequest("Mallory <script>alert('name')</script>", LocalDate.of(2026, 11, 2));
    request.putValue("requestText", "<img src=x onerror=alert(1)> all <b>budgets</b>")
        .putValue("requesterEmail", "mallory@example.org");
    FoiCase foi = FoiCase.logged(engine, request);
    String html = new String(get("/api/requests/" + foi.reference() + "/letters/letter1.html", "text/html").body(),
        StandardCharsets.UTF_8);
    assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x")
        .contains("&lt;script&gt;").contains("&lt;img src=x onerror=alert(1)&gt;");
    MimeMessage acknowledgement = mail.about(foi.reference()).get(0);
    assertThat(GreenMailUtil.getBody(acknowledgement)).doesNotContain("<script>alert");
  }

  private static byte[] pdfAttachment(MimeMessage message) throws Exception {
    Multipart parts = (Multipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      Part part = parts.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        assertThat(part.getContentType()).startsWith("application/pdf");
        return part.getInputStream().readAllBytes();
      }
    }
    throw new AssertionError("no PDF attached to " + message.getSubject());
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
