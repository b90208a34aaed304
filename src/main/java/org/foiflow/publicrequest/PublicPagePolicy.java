package org.foiflow.publicrequest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
      }
    });
    registration.setName("foiflow-public-form-policy");
    registration.addUrlPatterns(PublicRequestForm.PATH, PublicRequestForm.PATH + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }
}
