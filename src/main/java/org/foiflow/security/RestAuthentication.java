package org.foiflow.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
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
  public FilterRegistrationBean<Filter> camundaBasicAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("foiflow-basic-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/deadlines.html");
    registration.setAsyncSupported(true);
    return registration;
  }
}
