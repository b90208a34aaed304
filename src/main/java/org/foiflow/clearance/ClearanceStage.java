package org.foiflow.clearance;

import java.util.Arrays;
import java.util.Optional;

/** The clearances the clearance-route table can ask for, each a task of the model and a group of clearers. */
public enum ClearanceStage {

  PRESS_OFFICE("PressOfficeClearance", "Press office", "the press office"),
  SENIOR("SeniorClearance", "Senior clearance", "the senior clearance group");

  private final String taskKey;
  private final String commentsPrefix;
  private final String group;

  ClearanceStage(String taskKey, String commentsPrefix, String group) {
    this.taskKey = taskKey;
    this.commentsPrefix = commentsPrefix;
    this.group = group;
  }

  /** The stage of a clearance task, by its id in the model; empty for any other task. */
  public static Optional<ClearanceStage> ofTask(String taskDefinitionKey) {
    return Arrays.stream(values()).filter(stage -> stage.taskKey.equals(taskDefinitionKey)).findFirst();
  }

  /** How the officer revising the draft is told whose amendments they read ("Press office: ..."). */
  public String commentsPrefix() {
    return commentsPrefix;
  }

  /** The clearers, in a sentence ("another member of the press office must clear it"). */
  public String group() {
    return group;
  }
}
