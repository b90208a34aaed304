package org.foiflow.contributions;

/**
 * A team that holds information (Highways, HR, ...): its Camunda group (whose members work its "Provide
 * information" tasks), its name, the manager told when it is late, and its internal deadline in working days from
 * the request.
 */
public record BusinessUnit(String groupId, String name, String managerUserId, int deadlineWorkingDays) {

  public static final int DEFAULT_DEADLINE_WORKING_DAYS = 10;
}
