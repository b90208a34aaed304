package org.foiflow.security;

/** The Camunda groups foiflow's models, filters and authorizations name. */
public final class FoiGroups {

  public static final String OFFICERS = "foi-officers";
  public static final String APPROVERS = "foi-approvers";
  public static final String MANAGERS = "foi-managers";
  /**
   * Every business unit's group starts so (bu-highways, ...): its members work only the "Provide information" tasks
   * given to their own unit (org.foiflow.contributions), granted per task ({@link GroupTaskWork}).
   */
  public static final String BUSINESS_UNIT_PREFIX = "bu-";
  /** The Camunda group type of a business unit's group. */
  public static final String BUSINESS_UNIT_TYPE = "BUSINESS_UNIT";

  private FoiGroups() {
  }
}
