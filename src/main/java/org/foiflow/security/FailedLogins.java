package org.foiflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Every refused login is logged (WARN, user id and remote address, never the password), from every way in:
 * foiflow's sign-in page and HTTP basic auth on the APIs ({@code signin.CamundaPasswords}) and the login form of
 * Tasklist, Cockpit and Admin ({@link WebappLogin}). A refusal is a wrong password, an unknown user, or a retry within the login delay
 * that the engine imposes after a wrong password (application.yaml, loginDelay*).
 */
@Configuration
public class FailedLogins {

  private static final Logger LOG = LoggerFactory.getLogger(FailedLogins.class);
  private static final int LONGEST_USER_ID = 100;

  /** A refused login: the user id as sent, the caller's address and the way in (never the password). */
  public static void record(String userId, String address, String way) {
    LOG.warn("Failed login for user '{}' from {} ({})", printable(userId), address, way);
  }

  /** The user id is whatever the caller sent: no line breaks or control characters reach the log. */
  static String printable(String userId) {
    String shown = userId.length() > LONGEST_USER_ID ? userId.substring(0, LONGEST_USER_ID) + "…" : userId;
    return shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }

  @Bean
  public FilterRegistrationBean<WebappLogin> webappLoginLog(CamundaBpmProperties camunda) {
    FilterRegistrationBean<WebappLogin> registration = new FilterRegistrationBean<>(new WebappLogin());
    registration.setName("foiflow-webapp-login-log");
    // around the webapps' own filters, so it sees the answer whichever of them gives it
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/admin/auth/user/*");
    return registration;
  }

  /**
   * The webapps' login (POST …/auth/user/{engine}/login/{app}, a form with username and password) answers
   * 401 for a refused password; it logs that only at INFO and without the address, when enabled.
   */
  static final class WebappLogin extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/login/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      // the form is read by the webapp's JAX-RS resource; keep a copy to find the user id in it afterwards
      ContentCachingRequestWrapper login = new ContentCachingRequestWrapper(request, 4096);
      chain.doFilter(login, response);
      if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
        record(username(new String(login.getContentAsByteArray(), StandardCharsets.UTF_8)), request.getRemoteAddr(),
            "webapp login");
      }
    }

    private static String username(String form) {
      for (String field : form.split("&")) {
        if (field.startsWith("username=")) {
          return URLDecoder.decode(field.substring("username=".length()), StandardCharsets.UTF_8);
        }
      }
      return "";
    }
  }
}
