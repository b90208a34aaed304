package org.foiflow.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * foiflow.sign-in.oidc in application.yaml: which claims of the identity provider's ID token name the member of
 * staff (a Camunda user id) and list their groups (Camunda group ids, e.g. foi-officers). Used only when a client
 * registration is configured under spring.security.oauth2.client.
 */
@ConfigurationProperties(prefix = "foiflow.sign-in.oidc")
public record SingleSignOnSettings(
    @DefaultValue("preferred_username") String userIdClaim,
    @DefaultValue("groups") String groupsClaim) {
}
