package org.foiflow.signin;

import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.security.FailedLogins;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a user name and password against Camunda's users, for the sign-in page and for scripts' HTTP basic auth.
 * The engine's check keeps its login delay after a wrong password (application.yaml, loginDelay*); every refusal
 * is logged by {@link FailedLogins}. Not a bean, so Spring Security has no global password check to fall back on:
 * each wrong password is checked, and counts towards the delay, once.
 */
final class CamundaPasswords implements AuthenticationProvider {

  private final ProcessEngine engine;

  CamundaPasswords(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String userId = attempt.getName();
    Object password = attempt.getCredentials();
    if (userId == null || userId.isBlank() || !(password instanceof String given)
        || !engine.getIdentityService().checkPassword(userId, given)) {
      FailedLogins.record(userId == null ? "" : userId, address(attempt), way(attempt));
      throw new BadCredentialsException("Your user name or password is not right.");
    }
    return StaffDirectory.member(engine, userId).signedIn();
  }

  private static String address(Authentication attempt) {
    return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "unknown";
  }

  private static String way(Authentication attempt) {
    return attempt.getDetails() instanceof SignInPage.FormDetails ? "sign-in page" : "HTTP basic auth";
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
