package org.foiflow.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.AuthenticationProperties.CacheProperties;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * One sign-in for Tasklist, Cockpit and foiflow's pages: the session's sign-in is the one the Camunda webapps keep
 * in it. Signing in to Tasklist signs in to foiflow's pages; signing in on foiflow's sign-in page (or with the
 * organisation's identity provider) writes the webapps' sign-in, so Tasklist opens without a login; signing out
 * of either signs out of both.
 */
final class WebappSessionContext implements SecurityContextRepository {

  private final ProcessEngine engine;
  private final CacheProperties recheck;
  private final boolean writes;

  private WebappSessionContext(ProcessEngine engine, CacheProperties recheck, boolean writes) {
    this.engine = engine;
    this.recheck = recheck;
    this.writes = writes;
  }

  /** Reads and writes the session's sign-in: for the pages where staff sign in. */
  static WebappSessionContext signingIn(ProcessEngine engine, CacheProperties recheck) {
    return new WebappSessionContext(engine, recheck, true);
  }

  /** Reads the session's sign-in and never starts a session: for the APIs, where scripts send a password each time. */
  static WebappSessionContext readOnly(ProcessEngine engine, CacheProperties recheck) {
    return new WebappSessionContext(engine, recheck, false);
  }

  @Override
  @Deprecated
  public SecurityContext loadContext(HttpRequestResponseHolder holder) {
    return loadDeferredContext(holder.getRequest()).get();
  }

  @Override
  public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
    Supplier<SecurityContext> context = () -> {
      UserAuthentication webapp = webappSignIn(request.getSession(false));
      SecurityContext loaded = SecurityContextHolder.createEmptyContext();
      if (webapp != null) {
        loaded.setAuthentication(new StaffMember(webapp.getIdentityId(), nonNull(webapp.getGroupIds()),
            nonNull(webapp.getTenantIds())).signedIn());
      }
      return loaded;
    };
    return new Loaded(context);
  }

  @Override
  public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
    Authentication authentication = context.getAuthentication();
    if (!writes || authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return;
    }
    UserAuthentication present = webappSignIn(request.getSession(false));
    if (present != null && present.getIdentityId().equals(authentication.getName())) {
      return;
    }
    // a password sign-in knows its groups; one by the identity provider has just written them to Camunda's users
    StaffMember member = authentication instanceof StaffMember.Signed signed ? signed.member()
        : StaffDirectory.member(engine, authentication.getName());
    UserAuthentication webapp = AuthenticationUtil.createAuthentication(engine, member.userId(), member.groupIds(),
        member.tenantIds());
    if (webapp == null) {
      return; // not a Camunda user (yet): nothing the webapps could keep
    }
    HttpSession session = request.getSession(true);
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    authentications.addOrReplace(webapp);
    AuthenticationUtil.updateSession(session, authentications);
  }

  @Override
  public boolean containsContext(HttpServletRequest request) {
    return webappSignIn(request.getSession(false)) != null;
  }

  private UserAuthentication webappSignIn(HttpSession session) {
    if (session == null) {
      return null;
    }
    try {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      if (recheck.isTtlEnabled()) {
        // as the webapps do (camunda.bpm.webapp.auth.cache): a user deleted or moved to other groups since signing in
        // is signed out or regrouped within the time to live, on foiflow's pages as in Tasklist
        AuthenticationUtil.updateCache(authentications, session, recheck.getTimeToLive());
      }
      return authentications.getAuthentications().stream()
          .filter(signIn -> engine.getName().equals(signIn.getProcessEngineName())).findFirst().orElse(null);
    } catch (IllegalStateException invalidated) {
      return null;
    }
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static final class Loaded implements DeferredSecurityContext {
    private final Supplier<SecurityContext> loading;
    private SecurityContext context;

    Loaded(Supplier<SecurityContext> loading) {
      this.loading = loading;
    }

    @Override
    public SecurityContext get() {
      if (context == null) {
        context = loading.get();
      }
      return context;
    }

    @Override
    public boolean isGenerated() {
      return get().getAuthentication() == null;
    }
  }
}
