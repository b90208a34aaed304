package org.foiflow.security;

/** The Camunda groups foiflow's models, filters and authorizations name. */
public final class FoiGroups {

  public static final String OFFICERS = "foi-officers";
  public static final String APPROVERS = "foi-approvers";
  public static final String MANAGERS = "foi-managers";

  private FoiGroups() {
  }
}
