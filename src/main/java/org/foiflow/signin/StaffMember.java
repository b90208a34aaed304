package org.foiflow.signin;

import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in member of staff as the engine knows them: the Camunda user id, groups and tenants that its
 * authorization checks use, however they signed in (password, Tasklist's session, the organisation's identity
 * provider).
 */
public record StaffMember(String userId, List<String> groupIds, List<String> tenantIds) {

  public StaffMember {
    groupIds = List.copyOf(groupIds);
    tenantIds = List.copyOf(tenantIds);
  }

  /** Spring Security's view of the member: authenticated, with one authority per Camunda group. */
  public Signed signedIn() {
    return new Signed(this);
  }

  /** The authentication Spring Security keeps for a member of staff. */
  public static final class Signed extends AbstractAuthenticationToken {
    private final StaffMember member;

    private Signed(StaffMember member) {
      super(authorities(member.groupIds()));
      this.member = member;
      setAuthenticated(true);
    }

    private static Collection<SimpleGrantedAuthority> authorities(List<String> groupIds) {
      return groupIds.stream().map(SimpleGrantedAuthority::new).toList();
    }

    public StaffMember member() {
      return member;
    }

    @Override
    public Object getCredentials() {
      return null;
    }

    @Override
    public Object getPrincipal() {
      return member.userId();
    }

    @Override
    public String getName() {
      return member.userId();
    }
  }
}
