package org.foiflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.process.FoiCase;
import org.foiflow.security.StaffDoors;
import org.foiflow.security.StaffDoors.Answer;

/** The documents API of a running foiflow as a member of staff calls it (password "demo"): uploads, downloads, lists. */
public final class DocumentCalls {

  public static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final StaffDoors doors;

  public DocumentCalls(int port, String engineName) {
    this.port = port;
    this.doors = new StaffDoors(port, engineName);
  }

  public StaffDoors doors() {
    return doors;
  }

  /** POST /api/requests/{reference}/documents with the file as the part "file". */
  public Answer upload(String user, String reference, String fileName, byte[] content) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(BasicAuthCalls.fileUpload(
            "http://localhost:" + port + "/api/requests/" + reference + "/documents", "file", fileName, content, user, "demo")
        .build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), response.headers());
  }

  /** A multipart upload cut off before its closing boundary, as a dropped connection leaves it. */
  public Answer truncatedUpload(String user, String reference) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://localhost:" + port + "/api/requests/" + reference + "/documents"))
        .header("Content-Type", "multipart/form-data; boundary=cut")
        .header("Authorization", BasicAuthCalls.authorization(user, "demo"))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"policy.pdf\"\r\n\r\n%PDF-1.4\n"))
        .build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), response.headers());
  }

  /** The id of a document the officer added, which must be accepted. */
  public String added(String reference, String fileName, byte[] content) throws Exception {
    Answer added = upload(FoiCase.OFFICER, reference, fileName, content);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    return JSON.readTree(added.body()).path("id").asText();
  }

  public HttpResponse<byte[]> download(String user, String path) throws Exception {
    return HttpClient.newHttpClient().send(BasicAuthCalls.jsonRequest("http://localhost:" + port + path, "GET", null,
        user, "demo").build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** GET /api/requests/{reference}/documents as the officer. */
  public JsonNode documents(String reference) throws Exception {
    Answer list = doors.foiflow(FoiCase.OFFICER, "GET", "/api/requests/" + reference + "/documents", null);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return JSON.readTree(list.body());
  }

  /** PUT .../documents/{id}/decision as the officer. */
  public Answer decide(String reference, String id, String json) throws Exception {
    return doors.foiflow(FoiCase.OFFICER, "PUT", "/api/requests/" + reference + "/documents/" + id + "/decision", json);
  }
}
