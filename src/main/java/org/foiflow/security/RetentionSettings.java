package org.foiflow.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * foiflow.retention in application.yaml (which documents it): how long a closed case's history is kept, counted
 * from the day it closed. Seven years by default, also for runs without the packaged application.yaml.
 */
@ConfigurationProperties(prefix = "foiflow.retention")
public record RetentionSettings(@DefaultValue("P2555D") Duration closedCases) {
}
