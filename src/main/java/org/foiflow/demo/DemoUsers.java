package org.foiflow.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.foiflow.security.FoiGroups;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo setup (profile "demo", on when started from the README): a few named users in the FOI groups
 * (org.foiflow.security.FoiGroupSetup creates the groups) with the demo password from README.md. Only this
 * profile ever creates a user with a known password, and each is marked as a demo user so that a start
 * without the profile removes it ({@link LeftoverDemoUsers}).
 */
@Component
@Profile("demo")
@Order(0)
public class DemoUsers {

  /** User info key (ACT_ID_INFO) that marks a user this class created. */
  static final String MARKER = "foiflow.demo";
  static final String EMAIL_DOMAIN = "@foiflow.example";

  record DemoUser(String id, String firstName, String lastName, String group) {
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("olivia", "Olivia", "Okafor", FoiGroups.OFFICERS),
      new DemoUser("oscar", "Oscar", "Owen", FoiGroups.OFFICERS),
      new DemoUser("amira", "Amira", "Ahmed", FoiGroups.APPROVERS),
      new DemoUser("arthur", "Arthur", "Ash", FoiGroups.APPROVERS),
      new DemoUser("maya", "Maya", "Morgan", FoiGroups.MANAGERS),
      // business units' people (the units are the demo profile's foiflow.business-units): hana manages Highways
      new DemoUser("hugo", "Hugo", "Hill", "bu-highways"),
      new DemoUser("hana", "Hana", "Hughes", "bu-highways"),
      new DemoUser("carla", "Carla", "Cole", "bu-cctv"));

  private final IdentityService identityService;
  private final String password;

  public DemoUsers(IdentityService identityService, DemoSettings settings) {
    this.identityService = identityService;
    this.password = settings.password();
  }

  @EventListener
  public void createDemoUsers(ApplicationStartedEvent started) {
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + EMAIL_DOMAIN);
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.setUserInfo(demo.id(), MARKER, "true");
        identityService.createMembership(demo.id(), demo.group());
      }
    }
  }
}
