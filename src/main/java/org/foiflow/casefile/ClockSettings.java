package org.foiflow.casefile;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * foiflow.clock in application.yaml (which documents each setting): the time zone the statutory dates are told
 * in, and how many working days before the due date a task is followed up and a case is at risk. The defaults
 * here are the only ones, for runs without the packaged application.yaml.
 */
@ConfigurationProperties(prefix = "foiflow.clock")
public record ClockSettings(
    @DefaultValue("Europe/London") ZoneId zone,
    @DefaultValue("5") int followUpWorkingDays,
    @DefaultValue("5") int atRiskWorkingDays) {
}
