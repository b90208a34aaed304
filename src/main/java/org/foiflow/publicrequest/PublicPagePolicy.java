package org.foiflow.publicrequest;

import org.foiflow.security.ServedContentPolicy;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public form's pages run only foiflow's own files: scripts, styles and images from this origin (govuk-frontend
 * from its jar, our module and stylesheet), nothing inline, no fonts, no framing, forms posted only here. No
 * referrer is sent, so the confirmation link never leaves in one.
 */
@Configuration
public class PublicPagePolicy {

  static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
      + " connect-src 'self'; font-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> publicPageHeaders() {
    return ServedContentPolicy.headers("foiflow-public-form-policy", POLICY, PublicRequestForm.PATH,
        PublicRequestForm.PATH + "/*");
  }
}
