package org.foiflow.scotland;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.foiflow.assessment.ExemptionCatalogue;
import org.foiflow.process.FoiCase;

/**
 * Scottish cases for the scenario tests, driven through the real engine on the day each step happens: a request
 * logged and answered under FOISA or the EISR, and the steps of an application to the Commissioner.
 */
public final class ScottishCases {

  private static final ZoneId SCOTLAND = ZoneId.of("Europe/London");

  private ScottishCases() {
  }

  /** The engine's (and the application's) today, at ten in the morning. */
  public static void today(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(SCOTLAND).toInstant()));
  }

  /** A request under {@code regime} (FOISA, EISR) from {@code requester}, received on {@code receivedOn}. */
  public static VariableMap request(String requester, LocalDate receivedOn, String regime) {
    VariableMap request = FoiCase.aRequest(requester, receivedOn);
    request.putValue("regime", regime);
    return request;
  }

  /** Logged on the day received, answered "not held" on {@code respondedOn}. */
  public static FoiCase answeredNotHeld(ProcessEngine engine, String requester, String regime, LocalDate receivedOn,
                                        LocalDate respondedOn) {
    today(receivedOn);
    FoiCase foi = FoiCase.logged(engine, request(requester, receivedOn, regime));
    foi.triagedAs(Map.of("regime", regime, "informationHeld", false));
    today(respondedOn);
    return foi.approved();
  }

  /** Logged on the day received, refused on cost (FOISA s.12) on {@code respondedOn}. */
  public static FoiCase refusedOnCost(ProcessEngine engine, String requester, String regime, LocalDate receivedOn,
                                      LocalDate respondedOn) {
    today(receivedOn);
    FoiCase foi = FoiCase.logged(engine, request(requester, receivedOn, regime));
    foi.triagedAs(Map.of("regime", regime, "estimatedHours", 400));
    today(respondedOn);
    return foi.approved();
  }

  /** Logged on the day received, withheld in full under the absolute exemption {@code code} on {@code respondedOn}. */
  public static FoiCase withheld(ProcessEngine engine, String requester, String regime, LocalDate receivedOn,
                                 LocalDate respondedOn, String code) {
    today(receivedOn);
    FoiCase foi = FoiCase.logged(engine, request(requester, receivedOn, regime));
    foi.triagedAs(Map.of("regime", regime)).located().assessed("WITHHOLD", code);
    today(respondedOn);
    return foi.approved();
  }

  /**
   * The personal data exemption a FOISA case cites (s.38(1)(b), absolute): the catalogue's FOISA row once it has
   * one, else the UK's s.40(2) row, so these scenarios hold whichever catalogue the branch carries.
   */
  public static String personalDataExemption(ExemptionCatalogue catalogue) {
    try {
      catalogue.check(List.of("foisa-s38-1-b"));
      return "foisa-s38-1-b";
    } catch (RuntimeException notInTheCatalogue) {
      return "s40-2";
    }
  }

  /** Completes a task of the Commissioner's process as an officer, on the latest day the values name. */
  public static void completeComplaintTask(ProcessEngine engine, String complaintId, String key, Map<String, Object> values) {
    values.entrySet().stream()
        .filter(value -> value.getKey().endsWith("On") && !value.getKey().endsWith("DueOn"))
        .map(value -> LocalDate.parse(value.getValue().toString())).max(LocalDate::compareTo)
        .ifPresent(ScottishCases::today);
    Task task = complaintTask(engine, complaintId, key);
    FoiCase.actingAs(engine, FoiCase.OFFICER, () -> {
      engine.getTaskService().claim(task.getId(), FoiCase.OFFICER);
      engine.getTaskService().complete(task.getId(), values);
    });
  }

  public static Task complaintTask(ProcessEngine engine, String complaintId, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(complaintId).taskDefinitionKey(key).singleResult();
  }
}
