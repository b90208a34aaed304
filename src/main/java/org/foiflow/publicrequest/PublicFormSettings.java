package org.foiflow.publicrequest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * foiflow.public-form in application.yaml (which documents it): how many submissions one client address may make
 * an hour, how long a person takes at least to fill the form in (quicker is a bot), and the secret that signs the
 * form's timestamp and the confirmation link. Without a secret each start makes a random one: set one when several
 * nodes serve the form, so a form given out by one node is accepted by another.
 */
@ConfigurationProperties(prefix = "foiflow.public-form")
public record PublicFormSettings(@DefaultValue("10") int submissionsPerHour,
                                 @DefaultValue("3s") Duration minimumFillTime,
                                 String secret) {
}
