package org.foiflow.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.foiflow.security.FoiGroups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo setup (profile "demo", on when started from the README): the FOI groups and a few named users
 * with the demo password from README.md. Only this profile ever creates a user with a known password.
 */
@Component
@Profile("demo")
@Order(0)
public class DemoUsers {

  record DemoUser(String id, String firstName, String lastName, String group) {
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("olivia", "Olivia", "Okafor", FoiGroups.OFFICERS),
      new DemoUser("oscar", "Oscar", "Owen", FoiGroups.OFFICERS),
      new DemoUser("amira", "Amira", "Ahmed", FoiGroups.APPROVERS),
      new DemoUser("arthur", "Arthur", "Ash", FoiGroups.APPROVERS),
      new DemoUser("maya", "Maya", "Morgan", FoiGroups.MANAGERS));

  private final IdentityService identityService;
  private final String password;

  public DemoUsers(IdentityService identityService, @Value("${foiflow.demo.password}") String password) {
    this.identityService = identityService;
    this.password = password;
  }

  @EventListener
  public void createDemoUsers(ApplicationStartedEvent started) {
    group(FoiGroups.OFFICERS, "FOI officers");
    group(FoiGroups.APPROVERS, "FOI approvers");
    group(FoiGroups.MANAGERS, "FOI managers");
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@foiflow.example");
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(demo.id(), demo.group());
      }
    }
  }

  private void group(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }
}
