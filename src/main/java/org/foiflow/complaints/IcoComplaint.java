package org.foiflow.complaints;

/** The vocabulary of bpmn/ico-complaint.bpmn. */
public final class IcoComplaint {

  public static final String PROCESS_KEY = "ico-complaint";
  /** Chase the Commissioner when no decision notice has come this many months after our submission. */
  static final int CHASE_DECISION_AFTER_MONTHS = 3;
  /** Chase the First-tier Tribunal this many months after an appeal. */
  static final int CHASE_TRIBUNAL_AFTER_MONTHS = 6;

  private IcoComplaint() {
  }
}
