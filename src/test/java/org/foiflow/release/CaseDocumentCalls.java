package org.foiflow.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.process.FoiCase;
import org.foiflow.redaction.PageArea;
import org.foiflow.redaction.PdfText;
import org.foiflow.redaction.TextMatch;

/**
 * An FOI officer working a case's documents over HTTP (/api/requests/{reference}/documents), as the case page
 * does: upload, redact by text or by box, decide. Each call checks its status, so a scenario reads as the work.
 */
final class CaseDocumentCalls {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();
  private final int port;
  private final String reference;

  CaseDocumentCalls(int port, String reference) {
    this.port = port;
    this.reference = reference;
  }

  /** A PDF of the given paragraphs, the first a heading, made as a council's policy would be. */
  static byte[] pdfOf(String... paragraphs) {
    StringBuilder html = new StringBuilder("<html><head><style>body { font-family: sans-serif; font-size: 12pt; }"
        + "</style></head><body><h1>").append(paragraphs[0]).append("</h1>");
    for (int i = 1; i < paragraphs.length; i++) {
      html.append("<p>").append(paragraphs[i]).append("</p>");
    }
    html.append("</body></html>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new PdfRendererBuilder().useFastMode().withHtmlContent(html.toString(), null).toStream(out).run();
    } catch (Exception unrendered) {
      throw new IllegalStateException(unrendered);
    }
    return out.toByteArray();
  }

  /** What a PDF says, as a reader's copy-and-paste or a screen reader would get it. */
  static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  /** Uploads the file as the officer; answers the new document's id. */
  String upload(String fileName, byte[] pdf) throws Exception {
    String boundary = "foiflow-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(pdf);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/requests/" + reference + "/documents"))
        .header("Authorization", BasicAuthCalls.authorization(FoiCase.OFFICER, "demo"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).get("id").asText();
  }

  /** Redacts every match of the phrase under the exemption; answers the redaction. */
  JsonNode redactText(String documentId, String phrase, String exemption) throws Exception {
    return send("POST", documentPath(documentId) + "/redactions",
        json.createObjectNode().put("text", phrase).put("exemption", exemption).toString(), 201);
  }

  /** Redacts the box around every line of the phrase as it stands in the PDF, as an officer draws it on the page. */
  JsonNode redactBoxAround(String documentId, byte[] pdf, String phrase, String exemption) throws Exception {
    List<TextMatch> found = PdfText.find(pdf, phrase);
    assertThat(found).as("'%s' is in the document once", phrase).hasSize(1);
    List<PageArea> lines = found.get(0).areas();
    double left = lines.stream().mapToDouble(PageArea::x).min().orElseThrow();
    double top = lines.stream().mapToDouble(PageArea::y).min().orElseThrow();
    double right = lines.stream().mapToDouble(area -> area.x() + area.width()).max().orElseThrow();
    double bottom = lines.stream().mapToDouble(area -> area.y() + area.height()).max().orElseThrow();
    String box = json.createObjectNode().put("page", lines.get(0).page()).put("x", left - 1).put("y", top - 1)
        .put("width", right - left + 2).put("height", bottom - top + 2).put("exemption", exemption).toString();
    return send("POST", documentPath(documentId) + "/redactions", box, 201);
  }

  /** Decides the document: RELEASE_IN_FULL, RELEASE_REDACTED or WITHHOLD, with its exemptions. */
  JsonNode decide(String documentId, String decision, String... exemptions) throws Exception {
    var body = json.createObjectNode().put("decision", decision);
    var codes = body.putArray("exemptions");
    for (String exemption : exemptions) {
      codes.add(exemption);
    }
    return send("PUT", documentPath(documentId) + "/decision", body.toString(), 200);
  }

  private JsonNode send(String method, String path, String body, int expected) throws Exception {
    HttpResponse<String> answer = http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + path, method, body,
        FoiCase.OFFICER, "demo").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(expected);
    return json.readTree(answer.body());
  }

  private String documentPath(String documentId) {
    return "/api/requests/" + reference + "/documents/" + documentId;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
