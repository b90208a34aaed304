package org.foiflow.consultation;

/** The third party's view as the case records it (thirdPartyView). */
public final class ThirdPartyViews {

  public static final String OBJECTS = "OBJECTS";
  public static final String CONSENTS = "CONSENTS";
  public static final String NO_REPLY = "NO_REPLY";

  private ThirdPartyViews() {
  }
}
