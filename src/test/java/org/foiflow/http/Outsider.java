package org.foiflow.http;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** A user who can sign in but is in no FOI group: what the FOI team's views must refuse. */
public final class Outsider {

  public static final String ID = "outsider";
  public static final String PASSWORD = "outsider-password";

  private Outsider() {
  }

  /** Makes the outsider unless the engine has them already (tests share a context). */
  public static void exists(IdentityService identityService) {
    if (identityService.createUserQuery().userId(ID).count() == 0) {
      User user = identityService.newUser(ID);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
  }
}
