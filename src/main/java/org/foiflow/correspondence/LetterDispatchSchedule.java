package org.foiflow.correspondence;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs {@link LetterOutbox#deliverOverdue()}: letters whose node died before emailing them. On unless
 * foiflow.letters.dispatch-schedule is false, as in the tests, which look at the outbox themselves and would
 * otherwise race the sweep for the same letter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "foiflow.letters.dispatch-schedule", havingValue = "true", matchIfMissing = true)
@EnableScheduling
class LetterDispatchSchedule {
}
