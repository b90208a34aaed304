package org.foiflow.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

/**
 * How staff and scripts sign in (Spring Security), one session for everything a member of staff opens:
 * <ul>
 *   <li>foiflow's staff pages (deadlines, statistics, case pages) need a sign-in: the session's, whether made on
 *   foiflow's sign-in page, by the organisation's identity provider, or in Tasklist ({@link WebappSessionContext}).
 *   A browser without one is sent to the sign-in page and back; a script may send HTTP basic auth instead.</li>
 *   <li>{@code /api} and {@code /engine-rest} take the same session (the staff pages call them) or, for scripts,
 *   HTTP basic auth on each call, which starts no session.</li>
 *   <li>The public disclosure log, the public request form and the sign-in page itself need none.</li>
 *   <li>The Camunda webapps ({@code /camunda}) keep their own filters, login form and CSRF token, sharing the
 *   session's sign-in.</li>
 * </ul>
 * State-changing calls made with the session need the session's CSRF token (cookie {@value #CSRF_COOKIE}, sent
 * back as header {@value #CSRF_HEADER} or form field _csrf); calls with HTTP basic auth carry their own credentials
 * and need none. Browsers are never asked for basic auth, so they never hold credentials a forged call could use.
 */
@Configuration
@EnableWebSecurity
public class StaffSignIn {

  static final String CSRF_COOKIE = "FOIFLOW-XSRF-TOKEN";
  static final String CSRF_HEADER = "X-FOIFLOW-XSRF-TOKEN";
  private static final String[] PUBLIC = {"/", "/error", SignInPage.PATH, "/disclosure-log", "/disclosure-log.json",
      "/disclosure-log.csv", "/disclosure-log/*/documents/*", "/released/**", "/favicon.ico",
      // the public request form and what its pages load: govuk-frontend's CSS, JS and images, never its font files
      "/request", "/request/sent", "/public/**", "/webjars/govuk-frontend/*/dist/govuk/govuk-frontend.min.css",
      "/webjars/govuk-frontend/*/dist/govuk/govuk-frontend.min.js", "/webjars/govuk-frontend/*/dist/govuk/assets/images/**"};

  @Bean
  @Order(1)
  public SecurityFilterChain apis(HttpSecurity http, ProcessEngine engine, CamundaBpmProperties camunda)
      throws Exception {
    WebappSessionContext session = WebappSessionContext.readOnly(engine, camunda.getWebapp().getAuth().getCache());
    // path patterns, not Spring MVC ones: /engine-rest is Jersey's servlet, not the dispatcher's
    http.securityMatcher(new OrRequestMatcher(antMatcher("/api/**"), antMatcher("/engine-rest/**")))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .authenticationProvider(new CamundaPasswords(engine))
        .httpBasic(basic -> basic.authenticationEntryPoint(StaffSignIn::askScriptsForBasicAuth))
        .securityContext(context -> context.securityContextRepository(session))
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(StaffSignIn::askScriptsForBasicAuth)
            .accessDeniedHandler((request, response, denied) -> response.sendError(HttpServletResponse.SC_FORBIDDEN,
                "This call needs your session's CSRF token in the " + CSRF_HEADER + " header.")))
        .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie()).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
            .requireCsrfProtectionMatcher(madeWithTheSession(session)))
        .addFilterAfter(new EngineIdentity(engine.getIdentityService()), AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  public SecurityFilterChain staffPages(HttpSecurity http, ProcessEngine engine,
                                        CamundaBpmProperties camunda,
                                        ObjectProvider<ClientRegistrationRepository> identityProvider,
                                        SingleSignOnSettings singleSignOn) throws Exception {
    RequestMatcher webapps = antMatcher(camunda.getWebapp().getApplicationPath() + "/**");
    http.securityMatcher(new NegatedRequestMatcher(webapps))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(Arrays.stream(PUBLIC).map(path -> antMatcher(path)).toArray(RequestMatcher[]::new)).permitAll()
            .anyRequest().authenticated())
        .authenticationProvider(new CamundaPasswords(engine))
        .securityContext(context -> context.securityContextRepository(WebappSessionContext.signingIn(engine, camunda.getWebapp().getAuth().getCache())))
        .formLogin(form -> form.loginPage(SignInPage.PATH).authenticationDetailsSource(SignInPage.formDetails())
            .failureUrl(SignInPage.PATH + "?error"))
        // scripts read staff pages (a case page) with basic auth on each call, kept for that call only; a browser
        // without an Authorization header is still sent to the sign-in page, never asked for a password
        .httpBasic(basic -> basic.authenticationEntryPoint(StaffSignIn::askScriptsForBasicAuth)
            .securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SignInPage.PATH)))
        // a handler of its own: with basic auth on, Spring would answer a sign-out without an Accept header 204
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(signedOut()))
        .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie()).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
        .addFilterAfter(new CsrfCookie(), CsrfFilter.class)
        .addFilterAfter(new EngineIdentity(engine.getIdentityService()), AuthorizationFilter.class);
    if (identityProvider.getIfAvailable() != null) {
      http.oauth2Login(oidc -> oidc.loginPage(SignInPage.PATH).failureUrl(SignInPage.PATH + "?error")
          .userInfoEndpoint(user -> user.oidcUserService(new OidcStaff(engine.getIdentityService(), singleSignOn))));
    }
    return http.build();
  }

  /**
   * Hands every page the session's CSRF token in its cookie: Spring Security makes a token only when something asks
   * for it, and the static staff pages (deadlines, statistics) do not; their scripts read the cookie.
   */
  static final class CsrfCookie extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
  }

  /** After signing out, the sign-in page says so. */
  private static SimpleUrlLogoutSuccessHandler signedOut() {
    SimpleUrlLogoutSuccessHandler signedOut = new SimpleUrlLogoutSuccessHandler();
    signedOut.setDefaultTargetUrl(SignInPage.PATH + "?signedOut");
    return signedOut;
  }

  /** The CSRF token in a cookie the staff pages' scripts read and send back in a header. */
  private static CookieCsrfTokenRepository csrfCookie() {
    CookieCsrfTokenRepository cookie = CookieCsrfTokenRepository.withHttpOnlyFalse();
    // not Camunda's XSRF-TOKEN (path /camunda), which the webapps read: two cookies of one name would confuse them
    cookie.setCookieName(CSRF_COOKIE);
    cookie.setHeaderName(CSRF_HEADER);
    cookie.setCookieCustomizer(made -> made.sameSite("Lax"));
    return cookie;
  }

  /**
   * A state-changing call that relies on the browser's signed-in session rather than credentials of its own. One with
   * neither is answered 401 (no sign-in), not 403 (no token).
   */
  private static RequestMatcher madeWithTheSession(WebappSessionContext session) {
    return request -> {
      HttpMethod method = HttpMethod.valueOf(request.getMethod());
      boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
          || method == HttpMethod.TRACE;
      return !safe && request.getHeader("Authorization") == null && session.containsContext(request);
    };
  }

  /**
   * 401 for a call without a sign-in. Scripts get the basic-auth challenge; browsers (which say where a request comes
   * from, Sec-Fetch-Mode) do not, so they never show a password prompt or keep what was typed into it.
   */
  private static void askScriptsForBasicAuth(HttpServletRequest request, HttpServletResponse response,
                                             AuthenticationException refused) throws IOException {
    if (request.getHeader("Sec-Fetch-Mode") == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"foiflow\", charset=\"UTF-8\"");
    }
    response.sendError(HttpServletResponse.SC_UNAUTHORIZED,
        "Sign in: send your user name and password with HTTP basic auth, or sign in at " + SignInPage.PATH + ".");
  }

}
