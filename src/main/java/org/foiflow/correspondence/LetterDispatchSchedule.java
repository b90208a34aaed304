package org.foiflow.correspondence;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link LetterOutbox#deliverOverdue()}: letters whose node died before emailing them. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LetterDispatchSchedule {
}
