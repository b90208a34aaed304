package org.foiflow.signin;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A member of staff signed in by the organisation's identity provider becomes a Camunda user of the same id, with
 * the Camunda groups its groups claim names: the engine's authorizations, Tasklist's candidate groups and the
 * webapps all read Camunda's users. The identity provider is the source of those memberships: each sign-in brings
 * them up to date, adding and removing. Groups foiflow does not know are ignored; the password is random and told
 * to no one, so such a user can only sign in through the identity provider.
 */
final class OidcStaff implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private static final Logger LOG = LoggerFactory.getLogger(OidcStaff.class);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final OidcUserService tokens = new OidcUserService();
  private final IdentityService identityService;
  private final SingleSignOnSettings settings;

  OidcStaff(IdentityService identityService, SingleSignOnSettings settings) {
    this.identityService = identityService;
    this.settings = settings;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser signedIn = tokens.loadUser(request);
    String userId = signedIn.getClaimAsString(settings.userIdClaim());
    if (userId == null || userId.isBlank()) {
      throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user",
          "The identity provider sent no " + settings.userIdClaim() + " claim to name you by.", null));
    }
    Set<String> groups = knownGroups(signedIn.getClaimAsStringList(settings.groupsClaim()));
    try {
      keepCamundaUser(userId, signedIn);
      keepMemberships(userId, groups);
    } catch (ProcessEngineException refused) {
      // e.g. an id Camunda's user id pattern refuses, such as an email address: choose another claim
      throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user",
          "The " + settings.userIdClaim() + " claim is not a user id foiflow can keep.", null), refused);
    }
    List<SimpleGrantedAuthority> authorities = groups.stream().map(SimpleGrantedAuthority::new).toList();
    return new DefaultOidcUser(authorities, signedIn.getIdToken(), signedIn.getUserInfo(), settings.userIdClaim());
  }

  private Set<String> knownGroups(Collection<String> claimed) {
    Set<String> known = new HashSet<>();
    if (claimed != null) {
      for (String groupId : claimed) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 1) {
          known.add(groupId);
        }
      }
    }
    return known;
  }

  private void keepCamundaUser(String userId, OidcUser signedIn) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      user = identityService.newUser(userId);
      // a password nobody knows: Camunda's password check needs one, and the user signs in only through the provider
      byte[] unknown = new byte[32];
      RANDOM.nextBytes(unknown);
      user.setPassword(Base64.getEncoder().encodeToString(unknown));
      LOG.info("First sign-in of {} through the identity provider: Camunda user created", userId);
    }
    user.setFirstName(signedIn.getGivenName());
    user.setLastName(signedIn.getFamilyName());
    user.setEmail(signedIn.getEmail());
    identityService.saveUser(user);
  }

  private void keepMemberships(String userId, Set<String> groups) {
    Set<String> current = new HashSet<>();
    for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
      current.add(group.getId());
      if (!groups.contains(group.getId())) {
        identityService.deleteMembership(userId, group.getId());
      }
    }
    for (String groupId : groups) {
      if (!current.contains(groupId)) {
        identityService.createMembership(userId, groupId);
      }
    }
  }
}
