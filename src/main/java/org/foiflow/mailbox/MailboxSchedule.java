package org.foiflow.mailbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link MailboxPoller} on its interval, only where a mailbox is configured (foiflow.mailbox.host). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "foiflow.mailbox", name = "host")
@EnableScheduling
class MailboxSchedule {
}
