package org.foiflow.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who is calling, for the length of one request: its authorization checks, the end-user boundary
 * and the names in the case history all read the engine's current authentication, not Spring Security's.
 */
final class EngineIdentity extends OncePerRequestFilter {

  private final IdentityService identityService;

  EngineIdentity(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (!(signedIn instanceof StaffMember.Signed staff)) {
      chain.doFilter(request, response);
      return;
    }
    StaffMember member = staff.member();
    identityService.setAuthentication(member.userId(), member.groupIds(), member.tenantIds());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
