package org.foiflow.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.foiflow.http.BasicAuthCalls;

/**
 * Works FOI cases over HTTP the way people and integrations do: logs requests on /api/requests and works
 * tasks on /engine-rest as the demo users, on whichever node it is given. Short cases: triaged as "not
 * held", then approved, which sends two letters (acknowledgement and the not-held response).
 */
public final class Caseworker {

  public static final String OFFICER = "olivia";
  public static final String APPROVER = "amira";
  public static final String SECOND_APPROVER = "arthur";
  public static final String MANAGER = "maya";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  public record Answer(int status, JsonNode body) {
    public String text(String field) {
      return body == null || body.get(field) == null ? null : body.get(field).asText();
    }
  }

  public Answer call(ClusterNode node, String user, String method, String path, Object body) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path)))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", BasicAuthCalls.authorization(user, "demo"))
        .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    try {
      HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String text = answer.body();
      JsonNode json = text == null || text.isBlank() ? null : parse(text);
      return new Answer(answer.statusCode(), json);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IOException(interrupted);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException notJson) {
      return JSON.getNodeFactory().textNode(text);
    }
  }

  /** A request as the intake API takes it; the text makes each submission distinct. */
  public static Map<String, Object> request(String requester, LocalDate receivedOn, String text) {
    return Map.of(
        "requester", Map.of("name", requester, "email", requester.toLowerCase().replace(' ', '.') + "@example.org"),
        "receivedOn", receivedOn.toString(), "channel", "EMAIL", "regime", "FOIA",
        "subject", "Cluster test", "request", text);
  }

  public Answer log(ClusterNode node, Map<String, Object> request) throws IOException {
    return call(node, OFFICER, "POST", "/api/requests", request);
  }

  /** The case's open tasks (a manager sees them all). */
  public List<JsonNode> openTasks(ClusterNode node, String processInstanceId) throws IOException {
    Answer answer = call(node, MANAGER, "GET", "/engine-rest/task?processInstanceId=" + processInstanceId, null);
    if (answer.status() != 200) {
      throw new IllegalStateException("task list answered " + answer.status() + ": " + answer.body());
    }
    List<JsonNode> tasks = new ArrayList<>();
    answer.body().forEach(tasks::add);
    return tasks;
  }

  /** The case's one task in the casework (not a manager's deadline alert), or null when there is none. */
  public JsonNode caseworkTask(ClusterNode node, String processInstanceId) throws IOException {
    List<JsonNode> work = openTasks(node, processInstanceId).stream()
        .filter(task -> !task.get("taskDefinitionKey").asText().startsWith("Deadline")).toList();
    if (work.size() > 1) {
      throw new IllegalStateException("more than one casework task in " + processInstanceId + ": " + work);
    }
    return work.isEmpty() ? null : work.get(0);
  }

  public Answer complete(ClusterNode node, String user, String taskId, Map<String, Object> values) throws IOException {
    ObjectNode variables = JSON.createObjectNode();
    values.forEach((name, value) -> variables.set(name, JSON.createObjectNode().putPOJO("value", value)));
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return call(node, user, "POST", "/engine-rest/task/" + taskId + "/complete", body);
  }

  public static Map<String, Object> triagedAsNotHeld() {
    return Map.of("regime", "FOIA", "validRequest", true, "subjectAccessRequest", false, "clarificationNeeded", false,
        "vexatious", false, "repeatedRequest", false, "informationHeld", false, "feesPayable", false,
        "estimatedHours", 1);
  }

  public static Map<String, Object> approved() {
    return Map.of("approvalDecision", "APPROVE");
  }

  /** Does the next step of the case's casework on the node; false when the case has none left. */
  public boolean nextStep(ClusterNode node, String processInstanceId) throws IOException {
    JsonNode task = caseworkTask(node, processInstanceId);
    if (task == null) {
      return false;
    }
    String id = task.get("id").asText();
    Answer done = switch (task.get("taskDefinitionKey").asText()) {
      case "Triage" -> complete(node, OFFICER, id, triagedAsNotHeld());
      case "ApproveResponse" -> complete(node, APPROVER, id, approved());
      default -> throw new IllegalStateException("unexpected task " + task);
    };
    if (done.status() != 204) {
      throw new IllegalStateException(task.get("taskDefinitionKey").asText() + " of " + processInstanceId + " on "
          + node.name() + " answered " + done.status() + ": " + done.body());
    }
    return true;
  }

  public Answer status(ClusterNode node, String reference) throws IOException {
    return call(node, MANAGER, "GET", "/api/requests/" + reference, null);
  }

  public List<JsonNode> letters(ClusterNode node, String reference) {
    try {
      Answer answer = call(node, MANAGER, "GET", "/api/requests/" + reference + "/letters", null);
      List<JsonNode> letters = new ArrayList<>();
      answer.body().forEach(letters::add);
      return letters;
    } catch (IOException unreachable) {
      throw new UncheckedIOException(unreachable);
    }
  }
}
