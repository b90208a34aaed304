package org.foiflow.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who works FOI cases: members of the FOI groups. Views across all cases (the case search) are for them only;
 * a signed-in user outside these groups is refused (403), as the engine's authorizations refuse them each case.
 */
public final class FoiTeam {

  public static final List<String> GROUPS = List.of(FoiGroups.OFFICERS, FoiGroups.APPROVERS, FoiGroups.MANAGERS);

  private FoiTeam() {
  }

  /** Refuses the signed-in user unless they are in an FOI group; {@code what} names the view in the log. */
  public static void requireMember(IdentityService identityService, String what) {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(GROUPS::contains)) {
      throw new AuthorizationException(what + " is for the FOI team (" + String.join(", ", GROUPS) + ")");
    }
  }

  /** Whether the signed-in user is in one of {@code groups} (the engine's current authentication). */
  public static boolean isIn(IdentityService identityService, List<String> groups) {
    Authentication user = identityService.getCurrentAuthentication();
    return user != null && user.getGroupIds() != null && user.getGroupIds().stream().anyMatch(groups::contains);
  }

  /** The signed-in user's id, or null when nobody is signed in. */
  public static String userId(IdentityService identityService) {
    Authentication user = identityService.getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }
}
