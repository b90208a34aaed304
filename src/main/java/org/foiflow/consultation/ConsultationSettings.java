package org.foiflow.consultation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * foiflow.consultation in application.yaml (which documents it): how many working days a consulted third party is
 * given to reply, counted from the day the letter is sent. 10 by default.
 */
@ConfigurationProperties(prefix = "foiflow.consultation")
@Validated
public record ConsultationSettings(@DefaultValue("10") @jakarta.validation.constraints.Min(1) int replyWithin) {
}
