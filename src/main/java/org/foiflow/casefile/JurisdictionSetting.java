package org.foiflow.casefile;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The installation's {@link Jurisdiction}, from {@code foiflow.jurisdiction} (application.yaml documents it). */
@Configuration(proxyBeanMethods = false)
public class JurisdictionSetting {

  @Bean
  public Jurisdiction jurisdiction(@Value("${foiflow.jurisdiction:uk}") String setting) {
    return Jurisdiction.of(setting);
  }
}
