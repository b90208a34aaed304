package org.foiflow.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.process.FoiCase;

/** One internal review driven through the real engine, each step claimed and completed by a named user. */
public final class ReviewCase {

  public static final String REVIEWER = "arthur";

  private final ProcessEngine engine;
  private final ProcessInstance instance;

  private ReviewCase(ProcessEngine engine, ProcessInstance instance) {
    this.engine = engine;
    this.instance = instance;
  }

  /** An FOI case withheld in full under s.40(2), assessed by olivia and approved by amira, closed. */
  static FoiCase closedCase(ProcessEngine engine, String requester, LocalDate receivedOn, String regime) {
    return closedCase(engine, FoiCase.aRequest(requester, receivedOn), regime);
  }

  /** The same from a request of the caller's making (e.g. one that came by email). */
  public static FoiCase closedCase(ProcessEngine engine, VariableMap request, String regime) {
    FoiCase foi = FoiCase.logged(engine, request);
    foi.triagedAs(Map.of("regime", regime)).located().assessed("WITHHOLD", "EIR".equals(regime) ? "eir-13" : "s40-2").approved();
    return foi;
  }

  public static ReviewCase asked(ProcessEngine engine, String reference, LocalDate receivedOn) {
    return new ReviewCase(engine, engine.getRuntimeService().startProcessInstanceByKey(InternalReview.PROCESS_KEY,
        Variables.createVariables().putValue("caseReference", reference)
            .putValue("reviewReceivedOn", receivedOn.toString())
            .putValue("reviewGrounds", "The names of senior officers are not private: they act in a public role.")));
  }

  public ProcessInstance instance() {
    return instance;
  }

  public Object variable(String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).list().stream()
        .filter(v -> v.getActivityInstanceId() == null || v.getActivityInstanceId().equals(instance.getId()))
        .findFirst().map(v -> v.getValue()).orElse(null);
  }

  public String text(String name) {
    Object value = variable(name);
    return value instanceof org.camunda.spin.json.SpinJsonNode json && json.isString() ? json.stringValue()
        : value == null ? null : value.toString();
  }

  public Task task(String activityId) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(activityId).list();
    if (tasks.size() != 1) {
      throw new AssertionError("expected one open task " + activityId + " but found " + tasks.size());
    }
    return tasks.get(0);
  }

  public ReviewCase complete(String activityId, String user, Map<String, Object> values) {
    Task task = task(activityId);
    as(user, () -> {
      engine.getTaskService().claim(task.getId(), user);
      engine.getTaskService().complete(task.getId(), values);
    });
    return this;
  }

  void as(String user, Runnable work) {
    FoiCase.actingAs(engine, user, work);
  }

  public ReviewCase decided(String decision, String findings) {
    return complete("ConductReview", REVIEWER, Map.of("reviewDecision", decision, "reviewFindings", findings));
  }

  public ReviewCase extended(String reason) {
    return complete("ConductReview", REVIEWER, Map.of("reviewDecision", InternalReview.EXTEND, "reviewExtensionReason", reason));
  }

  public ReviewCase letterChecked() {
    return complete("CheckReviewLetter", REVIEWER, Map.of("reviewLetterText", text("reviewLetterText")));
  }

  /** The letters filed with the review, by type. */
  @SuppressWarnings("unchecked")
  public List<String> letterTypes() {
    Object letters = variable("letters");
    return letters == null ? List.of() : ((List<Map<String, Object>>) letters).stream().map(l -> (String) l.get("type")).toList();
  }
}
