package org.foiflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Outside the demo profile there is no default password: the application will not start with one. */
class AdminPasswordRuleTest {

  private static SpringApplicationBuilder app(String adminPassword) {
    return Starting.foiflow("admin-" + System.nanoTime(), adminPassword, "test");
  }

  @Test
  void refusesToStartWithoutAnAdministratorPassword() {
    assertThatThrownBy(() -> app("").run()).hasStackTraceContaining("the administrator's password is missing");
  }

  @Test
  void refusesToStartWithADefaultPassword() {
    assertThatThrownBy(() -> app("demo").run()).hasStackTraceContaining("is a default password");
    assertThatThrownBy(() -> app("admin").run()).hasStackTraceContaining("is a default password");
  }

  @Test
  void refusesAShortPassword() {
    assertThat(AdminPasswordRule.problem("admin", "Tr0ub4dor&3")).contains("shorter than 12");
    assertThat(AdminPasswordRule.problem("admin", "correct horse battery staple")).isNull();
  }

  @Test
  void startsWithAStrongPasswordAndCreatesNoDemoUsers() {
    try (ConfigurableApplicationContext context = app("correct horse battery staple").run()) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.checkPassword("admin", "correct horse battery staple")).isTrue();
      assertThat(identity.createUserQuery().userId("olivia").count()).isZero();
    }
  }
}
