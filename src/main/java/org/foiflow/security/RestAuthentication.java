package org.foiflow.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every API call authenticates against the Camunda identity service with HTTP basic auth: the engine's
 * REST API is open by default, and the foiflow API shows requesters' personal data. The authenticated
 * user's groups then drive Camunda's authorization checks. Tasklist and Cockpit keep their own login.
 */
@Configuration
public class RestAuthentication {

  @Bean
  public FilterRegistrationBean<Filter> camundaBasicAuthentication(ProcessEngine processEngine) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new EngineBoundFilter(processEngine));
    registration.setName("foiflow-basic-authentication");
    // Camunda's HTTP basic auth, logging each refused login
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        FailedLogins.BasicAuthentication.class.getName());
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/deadlines.html", "/statistics.html");
    registration.setAsyncSupported(true);
    return registration;
  }

  /** Authenticates against this application's engine, whatever name it was given (tests use unique names). */
  static final class EngineBoundFilter extends ProcessEngineAuthenticationFilter {

    private final ProcessEngine processEngine;

    EngineBoundFilter(ProcessEngine processEngine) {
      this.processEngine = processEngine;
    }

    @Override
    protected ProcessEngine getAddressedEngine(String engineName) {
      return processEngine;
    }
  }
}
