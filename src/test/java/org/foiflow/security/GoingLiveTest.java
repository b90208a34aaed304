package org.foiflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Starting for real (`java -jar`, no demo profile), on a fresh database and on one a demo start used first:
 * the FOI groups are there for the administrator to fill, and nothing of the demo's logins or business units
 * survives.
 */
@ExtendWith(OutputCaptureExtension.class)
class GoingLiveTest {

  private static final String ADMIN_PASSWORD = "correct horse battery staple";
  private static final List<String> DEMO_USERS = List.of("olivia", "oscar", "amira", "arthur", "maya", "priya",
      "seth", "hugo", "hana", "carla");
  private static final String[] DEMO_UNITS = {"bu-highways", "bu-cctv", "bu-hr", "bu-finance"};

  /** foiflow on the named database, as the README's demo or as a production start. */
  private static ConfigurableApplicationContext start(String database, boolean demo) {
    return Starting.foiflow(database, ADMIN_PASSWORD, demo ? new String[] {"test", "demo"} : new String[] {"test"})
        .run();
  }

  private static int port(ConfigurableApplicationContext app) {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  @Test
  void aProductionStartHasTheFoiGroupsForTheAdministratorToFill() throws Exception {
    try (ConfigurableApplicationContext live = start("live-" + System.nanoTime(), false)) {
      IdentityService identity = live.getBean(IdentityService.class);
      // /engine-rest/... in production; tests name each engine, and the REST API wants that name in the path
      String engineRest = "/engine-rest/engine/" + live.getBean(ProcessEngine.class).getName();
      assertThat(identity.createGroupQuery().groupIdIn(FoiGroups.OFFICERS, FoiGroups.APPROVERS, FoiGroups.MANAGERS)
          .orderByGroupId().asc().list())
          .extracting(Group::getId, Group::getName, Group::getType)
          .containsExactly(
              tuple(FoiGroups.APPROVERS, "FOI approvers", "WORKFLOW"),
              tuple(FoiGroups.MANAGERS, "FOI managers", "WORKFLOW"),
              tuple(FoiGroups.OFFICERS, "FOI officers", "WORKFLOW"));

      // what an administrator does through the REST API (or Camunda Admin): a new officer, put in the group
      HttpResponse<String> created = BasicAuth.call(port(live), "POST", engineRest + "/user/create", """
          {"profile": {"id": "priya", "firstName": "Priya", "lastName": "Patel", "email": "priya@example.gov.uk"},
           "credentials": {"password": "priya's own long password"}}""", "admin", ADMIN_PASSWORD);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
      assertThat(BasicAuth.call(port(live), "PUT", engineRest + "/group/foi-officers/members/priya", null,
          "admin", ADMIN_PASSWORD).statusCode()).isEqualTo(204);
      assertThat(identity.createUserQuery().memberOfGroup(FoiGroups.OFFICERS).list())
          .extracting(User::getId).containsExactly("priya");
    }
  }

  @Test
  void noDemoLoginSurvivesGoingLiveOnTheDemosDatabase(CapturedOutput output) throws Exception {
    String database = "demo-then-live-" + System.nanoTime();
    try (ConfigurableApplicationContext demo = start(database, true)) {
      IdentityService identity = demo.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().userIdIn(DEMO_USERS.toArray(String[]::new)).count()).isEqualTo(DEMO_USERS.size());
      assertThat(identity.checkPassword("admin", "demo")).isTrue();
      assertThat(identity.createGroupQuery().groupIdIn(DEMO_UNITS).count()).isEqualTo(DEMO_UNITS.length);
      assertThat(demo.getBean(FilterService.class).createFilterQuery().filterNameLike("Provide information:%")
          .count()).isEqualTo(DEMO_UNITS.length);
      // oscar as a demo start before demo users were marked left him (the mark is new)
      identity.deleteUserInfo("oscar", "foiflow.demo");
      User colleague = identity.newUser("ruth");
      colleague.setEmail("ruth@example.gov.uk");
      colleague.setPassword("ruth's own long password");
      identity.saveUser(colleague);
    }

    try (ConfigurableApplicationContext live = start(database, false)) {
      int port = port(live);
      // the configured password first: a wrong one would make the administrator wait out the login delay
      assertThat(BasicAuth.login(port, "admin", ADMIN_PASSWORD)).isEqualTo(200);
      assertThat(BasicAuth.login(port, "admin", "demo")).isEqualTo(401);
      for (String demoUser : DEMO_USERS) {
        assertThat(BasicAuth.login(port, demoUser, "demo")).as(demoUser).isEqualTo(401);
      }
      IdentityService identity = live.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().userIdIn(DEMO_USERS.toArray(String[]::new)).count()).isZero();
      assertThat(identity.createUserQuery().userId("admin").singleResult().getFirstName()).isEqualTo("FOI");
      assertThat(identity.createUserQuery().userId("ruth").count()).isOne();
      assertThat(output.getOut()).contains("Removed the demo users").contains(DEMO_USERS);

      // nor the demo's business units: their rows, groups, grants and Tasklist filters
      assertThat(live.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM foi_business_unit",
          Integer.class)).isZero();
      assertThat(identity.createGroupQuery().groupIdIn(DEMO_UNITS).count()).isZero();
      assertThat(live.getBean(AuthorizationService.class).createAuthorizationQuery().groupIdIn(DEMO_UNITS).count())
          .isZero();
      assertThat(live.getBean(FilterService.class).createFilterQuery().filterNameLike("Provide information:%")
          .count()).isZero();
      assertThat(output.getOut()).contains("Removed the business units").contains(DEMO_UNITS);
    }
  }
}
