package org.foiflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.foiflow.FoiflowApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Outside the demo profile there is no default password: the application will not start with one. */
class AdminPasswordRuleTest {

  /**
   * Command-line arguments, not properties(): those are mere defaults, so application.yaml's server.port 8080
   * won (the test failed whenever the app ran on the machine) and so would a FOIFLOW_ADMIN_PASSWORD in the
   * environment. The test profile gives each start its own in-memory database.
   */
  private static ConfigurableApplicationContext start(String adminPassword) {
    return new SpringApplicationBuilder(FoiflowApplication.class)
        .profiles("test")
        .run("--server.port=0", "--FOIFLOW_ADMIN_PASSWORD=" + adminPassword);
  }

  @Test
  void refusesToStartWithoutAnAdministratorPassword() {
    assertThatThrownBy(() -> start("")).hasStackTraceContaining("the administrator's password is missing");
  }

  @Test
  void refusesToStartWithADefaultPassword() {
    assertThatThrownBy(() -> start("demo")).hasStackTraceContaining("is a default password");
    assertThatThrownBy(() -> start("admin")).hasStackTraceContaining("is a default password");
  }

  @Test
  void refusesAShortPassword() {
    assertThat(AdminPasswordRule.problem("admin", "Tr0ub4dor&3")).contains("shorter than 12");
    assertThat(AdminPasswordRule.problem("admin", "correct horse battery staple")).isNull();
  }

  @Test
  void startsWithAStrongPasswordAndCreatesNoDemoUsers() {
    try (ConfigurableApplicationContext context = start("correct horse battery staple")) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.checkPassword("admin", "correct horse battery staple")).isTrue();
      assertThat(identity.createUserQuery().userId("olivia").count()).isZero();
    }
  }
}
