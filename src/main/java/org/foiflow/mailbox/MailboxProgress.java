package org.foiflow.mailbox;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far the mailbox is read once one more message is filed, written in that message's transaction: the message
 * and the progress past it commit together or not at all. Only the node holding the lease may move it (and renews
 * the lease as it does); a node that lost its lease rolls the filing back and stops.
 */
record MailboxProgress(String mailbox, String node, long uidValidity, long uid, Instant leaseUntil) {

  void advance(JdbcTemplate jdbc) {
    int moved = jdbc.update("UPDATE foi_mailbox_state SET last_uid = ?, leased_until = ?"
            + " WHERE mailbox = ? AND leased_by = ? AND uid_validity = ?",
        uid, Timestamp.from(leaseUntil), mailbox, node, uidValidity);
    if (moved == 0) {
      throw new LeaseLostException(mailbox, node);
    }
  }

  /** Another node polls the mailbox now (this one took longer than its lease): this node stops. */
  static final class LeaseLostException extends RuntimeException {
    LeaseLostException(String mailbox, String node) {
      super(node + " no longer holds the lease on " + mailbox);
    }
  }
}
