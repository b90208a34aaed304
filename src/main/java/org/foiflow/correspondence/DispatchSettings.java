package org.foiflow.correspondence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * foiflow.letters.dispatch-* in application.yaml (which documents them): how long after it was queued a letter not
 * yet emailed is tried again, how long one node may take to email it before another may try, and after how many
 * failed attempts it goes by post instead ({@link LettersByPost}).
 */
@ConfigurationProperties(prefix = "foiflow.letters")
public record DispatchSettings(
    @DefaultValue("PT1M") Duration dispatchRetry,
    @DefaultValue("PT2M") Duration dispatchLease,
    @DefaultValue("5") int dispatchAttempts) {
}
