package org.foiflow.clock;

/** Where a case stands against its statutory deadline, for the deadline view and reminders. */
public enum DeadlineStatus {
  ON_TRACK,
  AT_RISK,
  OVERDUE,
  /** The clock is stopped (fees notice or clarification outstanding): no deadline is running. */
  PAUSED
}
