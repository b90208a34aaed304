package org.foiflow.security;

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
 * Nothing the APIs serve can run script: letters (HTML filed with a case), variables' files, JSON. Browsers get
 * a Content-Security-Policy that forbids script, plugins, forms and framing and sandboxes the document (so even
 * a letter with a script in it, opened by an administrator, runs nothing and has no origin to act from), and
 * {@code nosniff}, so a file is never taken for something other than its declared type.
 */
@Configuration
public class ServedContentPolicy {

  static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:;"
      + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> servedContentHeaders() {
    return headers("foiflow-served-content-policy", POLICY, "/api/*", "/engine-rest/*", "/camunda/api/engine/*");
  }

  /**
   * A filter giving every answer under the URL patterns this Content-Security-Policy, {@code nosniff} and no
   * referrer (early, so even an error page has them); other features' pages use it with a policy of their own.
   */
  public static FilterRegistrationBean<OncePerRequestFilter> headers(String name, String policy,
                                                                     String... urlPatterns) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
      }
    });
    registration.setName(name);
    registration.addUrlPatterns(urlPatterns);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    registration.setAsyncSupported(true);
    return registration;
  }
}
