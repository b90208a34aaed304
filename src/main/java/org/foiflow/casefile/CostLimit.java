package org.foiflow.casefile;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * foiflow.cost-limit in application.yaml (which documents it): the hourly rate and the appropriate limit of the
 * Fees Regulations 2004 that a new case carries. The defaults here are the only ones, also for cases that do not
 * carry their own.
 */
@ConfigurationProperties(prefix = "foiflow.cost-limit")
public record CostLimit(
    @DefaultValue(DEFAULT_HOURLY_RATE_POUNDS) int hourlyRatePounds,
    @DefaultValue(DEFAULT_LIMIT_POUNDS) int limitPounds) {

  /** £25 an hour (reg. 4(4)). */
  public static final String DEFAULT_HOURLY_RATE_POUNDS = "25";
  /** £450 for authorities outside central government (reg. 3(3)). */
  public static final String DEFAULT_LIMIT_POUNDS = "450";
}
