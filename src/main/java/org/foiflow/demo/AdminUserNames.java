package org.foiflow.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The configured administrator's id and names (camunda.bpm.admin-user in application.yaml, which Camunda reads
 * too): what a start without the demo profile gives back to the administrator the demo profile renamed.
 */
@ConfigurationProperties(prefix = "camunda.bpm.admin-user")
public record AdminUserNames(
    @DefaultValue("admin") String id,
    @DefaultValue("") String firstName,
    @DefaultValue("") String lastName) {
}
