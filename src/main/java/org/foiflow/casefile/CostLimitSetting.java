package org.foiflow.casefile;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The installation's {@link CostLimit}: {@code foiflow.cost-limit.hourly-rate-pounds} and {@code limit-pounds} where
 * they are set, otherwise the jurisdiction's (UK £25 and £450, Scotland £15 and £600).
 */
@Configuration(proxyBeanMethods = false)
public class CostLimitSetting {

  @Bean
  public CostLimit costLimit(Jurisdiction jurisdiction,
                             @Value("${foiflow.cost-limit.hourly-rate-pounds:#{null}}") Integer hourlyRatePounds,
                             @Value("${foiflow.cost-limit.limit-pounds:#{null}}") Integer limitPounds) {
    CostLimit costLimit = CostLimit.of(jurisdiction, hourlyRatePounds, limitPounds);
    if (costLimit.hourlyRatePounds() <= 0 || costLimit.limitPounds() <= 0) {
      throw new IllegalArgumentException("foiflow.cost-limit: the hourly rate and the limit must be positive pounds");
    }
    return costLimit;
  }
}
