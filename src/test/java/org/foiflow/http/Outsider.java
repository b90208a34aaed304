package org.foiflow.http;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Someone with a login but in none of the FOI groups: the tests' check that a page or an API hides the cases. */
public final class Outsider {

  public static final String USER = "outsider";
  public static final String PASSWORD = "outsider-password";

  private Outsider() {
  }

  /** Makes the outsider's user, once per engine (the tests share an application context). */
  public static void signedUp(IdentityService identityService) {
    if (identityService.createUserQuery().userId(USER).count() == 0) {
      User user = identityService.newUser(USER);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
  }
}
