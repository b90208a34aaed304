package org.foiflow.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo users never survive into a real start. A database once started with the demo profile (the README's
 * `mvn spring-boot:run`) holds users whose password is "demo"; any start without that profile deletes them
 * and names them in a WARN. It runs when the engine is built, before the web server takes a request, so no
 * demo login gets through in between. The configured administrator is kept (org.foiflow.security
 * .AdminPasswordRule gives it the configured password on every such start), losing only its demo names.
 */
@Component
@Profile("!demo")
public class LeftoverDemoUsers extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(LeftoverDemoUsers.class);

  // the demo profile's administrator (application-demo.yaml)
  private static final String DEMO_ADMIN_ID = "admin";
  private static final String DEMO_ADMIN_FIRST_NAME = "Demo";
  private static final String DEMO_ADMIN_LAST_NAME = "Administrator";

  private final String adminId;
  private final String adminFirstName;
  private final String adminLastName;

  public LeftoverDemoUsers(AdminUserNames admin) {
    this.adminId = admin.id();
    this.adminFirstName = admin.firstName();
    this.adminLastName = admin.lastName();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    String[] candidates = Stream.concat(DemoUsers.USERS.stream().map(DemoUsers.DemoUser::id), Stream.of(DEMO_ADMIN_ID))
        .toArray(String[]::new);
    List<String> removed = new ArrayList<>();
    for (User user : identity.createUserQuery().userIdIn(candidates).list()) {
      if (!isDemoUser(identity, user)) {
        continue;
      }
      identity.deleteUserInfo(user.getId(), DemoUsers.MARKER);
      if (user.getId().equals(adminId)) {
        user.setFirstName(adminFirstName);
        user.setLastName(adminLastName);
        identity.saveUser(user);
        LOG.warn("The administrator '{}' was created by a demo start; its password is now the configured one",
            user.getId());
      } else {
        identity.deleteUser(user.getId());
        removed.add(user.getId());
      }
    }
    if (!removed.isEmpty()) {
      LOG.warn("Removed the demo users {}: this database was once started with the demo profile, whose users "
          + "all have the password 'demo'", removed);
    }
  }

  /** Marked when created, or, from before the mark, a demo id with the demo email or the demo admin's names. */
  static boolean isDemoUser(IdentityService identity, User user) {
    if ("true".equals(identity.getUserInfo(user.getId(), DemoUsers.MARKER))) {
      return true;
    }
    if (DEMO_ADMIN_ID.equals(user.getId())) {
      return DEMO_ADMIN_FIRST_NAME.equals(user.getFirstName()) && DEMO_ADMIN_LAST_NAME.equals(user.getLastName());
    }
    return user.getEmail() != null && user.getEmail().endsWith(DemoUsers.EMAIL_DOMAIN);
  }
}
