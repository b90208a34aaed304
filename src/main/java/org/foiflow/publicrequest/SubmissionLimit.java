package org.foiflow.publicrequest;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How many times one client address may send the public form: foiflow.public-form.submissions-per-hour, refilled
 * evenly over the hour (Bucket4j). Kept in this node's memory only: a limit per node is enough to stop one machine
 * flooding the FOI team with cases, and needs no table.
 */
@Component
class SubmissionLimit {

  /** Beyond this many addresses, those with a full bucket (quiet for an hour) are forgotten. */
  private static final int REMEMBERED = 10_000;

  private final int perHour;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  SubmissionLimit(PublicFormSettings settings) {
    this.perHour = Math.max(1, settings.submissionsPerHour());
  }

  /** Takes one submission from the address's allowance; false when it has none left. */
  boolean allows(String clientAddress) {
    if (buckets.size() > REMEMBERED) {
      buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= perHour);
    }
    return buckets.computeIfAbsent(clientAddress, address -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
        .build()).tryConsume(1);
  }
}
