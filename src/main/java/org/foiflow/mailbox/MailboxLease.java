package org.foiflow.mailbox;

import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One node polls a mailbox at a time: it takes the lease in foi_mailbox_state (free, or expired because its holder
 * died) in a transaction of its own, renews it with every message filed ({@link MailboxProgress}) and gives it back
 * after the poll. Each step commits by itself, whatever transaction the caller is in.
 */
@Component
class MailboxLease {

  /** This node, as foi_mailbox_state.leased_by shows it: the host and a per-start id (two nodes may share a host). */
  private final String node;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  MailboxLease(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.node = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  String node() {
    return node;
  }

  boolean take(String mailbox, Duration lease) {
    Instant now = Instant.now();
    boolean known = jdbc.queryForObject("SELECT COUNT(*) FROM foi_mailbox_state WHERE mailbox = ?", Integer.class,
        mailbox) > 0;
    if (!known) {
      try {
        ownTransaction.executeWithoutResult(status ->
            jdbc.update("INSERT INTO foi_mailbox_state (mailbox, last_uid) VALUES (?, 0)", mailbox));
      } catch (DuplicateKeyException madeByAnotherNode) {
        // at the same moment: the row is there either way
      }
    }
    Integer taken = ownTransaction.execute(status -> jdbc.update("UPDATE foi_mailbox_state SET leased_by = ?,"
            + " leased_until = ? WHERE mailbox = ? AND (leased_until IS NULL OR leased_until < ? OR leased_by = ?)",
        node, Timestamp.from(now.plus(lease)), mailbox, Timestamp.from(now), node));
    return taken != null && taken == 1;
  }

  /**
   * The highest UID already filed under this UIDVALIDITY. A new UIDVALIDITY (the folder was rebuilt, its UIDs
   * renumbered) starts again from 0; the Message-ID key still refuses what was filed before.
   */
  long lastUid(String mailbox, long uidValidity) {
    return ownTransaction.execute(status -> {
      List<Map<String, Object>> rows = jdbc.queryForList(
          "SELECT uid_validity, last_uid FROM foi_mailbox_state WHERE mailbox = ? AND leased_by = ?", mailbox, node);
      if (rows.isEmpty()) {
        throw new MailboxProgress.LeaseLostException(mailbox, node);
      }
      Object known = rows.get(0).get("uid_validity");
      if (known != null && ((Number) known).longValue() == uidValidity) {
        return ((Number) rows.get(0).get("last_uid")).longValue();
      }
      jdbc.update("UPDATE foi_mailbox_state SET uid_validity = ?, last_uid = 0 WHERE mailbox = ? AND leased_by = ?",
          uidValidity, mailbox, node);
      return 0L;
    });
  }

  /** Moves past a message without filing it (it was filed before). */
  void advance(MailboxProgress progress) {
    ownTransaction.executeWithoutResult(status -> progress.advance(jdbc));
  }

  void release(String mailbox) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "UPDATE foi_mailbox_state SET leased_by = NULL, leased_until = NULL WHERE mailbox = ? AND leased_by = ?",
        mailbox, node));
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException unknown) {
      return "node";
    }
  }
}
