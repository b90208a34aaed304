package org.foiflow.intake;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues case references FOI-YYYY-NNNNN, sequential per year. The increment runs in the engine's own
 * transaction: its row lock orders concurrent registrations (also across cluster nodes), and a
 * registration that rolls back gives its number back, so the published sequence has no gaps.
 */
@Component
public class ReferenceNumbers {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate separateTransaction;

  public ReferenceNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.separateTransaction = new TransactionTemplate(transactions);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public String next(int year) {
    ensureYearRow(year);
    jdbc.update("UPDATE foi_reference_counter SET last_number = last_number + 1 WHERE reference_year = ?", year);
    Integer number = jdbc.queryForObject(
        "SELECT last_number FROM foi_reference_counter WHERE reference_year = ?", Integer.class, year);
    return "FOI-%d-%05d".formatted(year, number);
  }

  /** The year's row is created on its own, so a failed insert cannot poison the engine's transaction. */
  private void ensureYearRow(int year) {
    Integer rows = jdbc.queryForObject(
        "SELECT COUNT(*) FROM foi_reference_counter WHERE reference_year = ?", Integer.class, year);
    if (rows != null && rows > 0) {
      return;
    }
    try {
      separateTransaction.executeWithoutResult(status ->
          jdbc.update("INSERT INTO foi_reference_counter (reference_year, last_number) VALUES (?, 0)", year));
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      // the row exists now, which is all we need
    }
  }
}
