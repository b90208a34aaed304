package org.foiflow.security;

import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Outside the demo setup the application refuses to start unless the administrator's password is set
 * (FOIFLOW_ADMIN_PASSWORD) and is not a default or guessable one. Checked before the engine is built,
 * so no administrator with a weak password ever exists, not even for a moment.
 * The environment is the source of truth for that password: Camunda only creates the administrator when
 * absent, so on every such start an existing administrator (one a demo start created with "demo", say) is
 * given the configured password once the engine is built, before the web server takes a request.
 */
@Component
public class AdminPasswordRule extends AbstractProcessEnginePlugin {

  static final int MINIMUM_LENGTH = 12;
  private static final Set<String> DEFAULTS = Set.of("demo", "admin", "password", "camunda", "changeme", "secret",
      "foiflow", "letmein", "administrator", "password123", "admin123456789", "changeit");

  private final Environment environment;

  public AdminPasswordRule(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      return;
    }
    String id = environment.getProperty("camunda.bpm.admin-user.id", "");
    String password = environment.getProperty("camunda.bpm.admin-user.password", "");
    String problem = problem(id, password);
    if (problem != null) {
      throw new IllegalStateException("foiflow will not start: " + problem
          + ". Set FOIFLOW_ADMIN_PASSWORD (at least " + MINIMUM_LENGTH + " characters, not a default), "
          + "or start the demo profile for a trial with demo users.");
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      return;
    }
    String id = environment.getProperty("camunda.bpm.admin-user.id", "");
    User administrator = engine.getIdentityService().createUserQuery().userId(id).singleResult();
    if (administrator != null) {
      administrator.setPassword(environment.getProperty("camunda.bpm.admin-user.password", ""));
      engine.getIdentityService().saveUser(administrator);
    }
  }

  static String problem(String id, String password) {
    if (password == null || password.isBlank()) {
      return "the administrator's password is missing";
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (DEFAULTS.contains(lower) || lower.equals(id == null ? "" : id.toLowerCase(Locale.ROOT))) {
      return "the administrator's password is a default password";
    }
    if (password.length() < MINIMUM_LENGTH) {
      return "the administrator's password is shorter than " + MINIMUM_LENGTH + " characters";
    }
    return null;
  }
}
