package org.foiflow.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** foiflow.demo in application-demo.yaml: the password every demo user is created with (listed in README.md). */
@ConfigurationProperties(prefix = "foiflow.demo")
public record DemoSettings(String password) {
}
