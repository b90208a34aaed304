package org.foiflow.contributions;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * foiflow.business-units in application.yaml (which documents it): the units created, or brought up to date, at
 * every start. Administrators add more through /api/business-units without a restart.
 */
@ConfigurationProperties(prefix = "foiflow")
public record BusinessUnitSettings(@DefaultValue List<Configured> businessUnits) {

  /** One unit as configured; deadline-working-days defaults to 10. */
  public record Configured(String group, String name, String manager, Integer deadlineWorkingDays) {

    BusinessUnit unit() {
      return new BusinessUnit(group, name, manager == null || manager.isBlank() ? null : manager,
          deadlineWorkingDays == null ? BusinessUnit.DEFAULT_DEADLINE_WORKING_DAYS : deadlineWorkingDays);
    }
  }
}
