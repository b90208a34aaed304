package org.foiflow.correspondence;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * foiflow.clarification in application.yaml (which documents it): how long a clarification request (s.1(3))
 * waits for the requester's answer before the request lapses. 60 days by default.
 */
@ConfigurationProperties(prefix = "foiflow.clarification")
public record ClarificationSettings(@DefaultValue("P60D") Period lapseAfter) {
}
