package org.foiflow.security;

/** The Camunda groups foiflow's models, filters and authorizations name. */
public final class FoiGroups {

  /** Clears sensitive approved responses before they go, when the clearance-route table asks for it. */
  public static final String PRESS_OFFICE = "foi-press-office";
  /** Signs off sensitive responses (a director, the private office), when the clearance-route table asks for it. */
  public static final String SENIOR_CLEARANCE = "foi-senior-clearance";

  public static final String OFFICERS = "foi-officers";
  public static final String APPROVERS = "foi-approvers";
  public static final String MANAGERS = "foi-managers";

  private FoiGroups() {
  }
}
