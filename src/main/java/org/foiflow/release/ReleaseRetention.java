package org.foiflow.release;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.foiflow.security.RetentionSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The download links go with the case's documents: every night (01:40 London, in history cleanup's window) the links
 * of cases closed longer ago than foiflow.retention.closed-cases are deleted, as are links that have expired (they
 * open nothing any more). The disclosure log forgets those cases' documents the same night
 * ({@code disclosure.DisclosureLog}).
 */
@Component
public class ReleaseRetention {

  private final JdbcTemplate jdbc;
  private final RetentionSettings retention;

  public ReleaseRetention(JdbcTemplate jdbc, RetentionSettings retention) {
    this.jdbc = jdbc;
    this.retention = retention;
  }

  // runs where scheduling is on (off in the tests, which call forget… themselves)
  @Transactional
  @Scheduled(cron = "0 40 1 * * *", zone = "Europe/London")
  void nightly() {
    forgetPastRetention(LocalDate.now(ZoneId.of("Europe/London")), Instant.now());
  }

  /** Deletes expired links and everything of cases past retention; answers how many links went. */
  @Transactional
  public int forgetPastRetention(LocalDate today, Instant now) {
    Date closedBefore = Date.valueOf(today.minusDays(retention.closedCases().toDays()));
    return jdbc.update("DELETE FROM foi_release_link WHERE expires_at < ? OR process_instance_id IN"
        + " (SELECT process_instance_id FROM foi_case WHERE closed_on < ?)", Timestamp.from(now), closedBefore);
  }
}
