package org.foiflow.mailbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * foiflow.mailbox in application.yaml (which documents each setting): the FOI team's IMAP mailbox foiflow reads.
 * Without a host nothing is read. A message larger than maxMessageSize goes to the holding pen without its bytes;
 * lease is how long one node may poll before another may take over (it is renewed with every message filed).
 */
@ConfigurationProperties(prefix = "foiflow.mailbox")
public record MailboxSettings(
    String host,
    Integer port,
    @DefaultValue("imaps") String protocol,
    String username,
    String password,
    @DefaultValue("INBOX") String folder,
    @DefaultValue("PT1M") Duration pollInterval,
    @DefaultValue("35MB") DataSize maxMessageSize,
    @DefaultValue("PT5M") Duration lease) {

  public boolean configured() {
    return host != null && !host.isBlank();
  }

  /** The key of foi_mailbox_state: the account and folder, e.g. foi@imap.example.gov.uk/INBOX. */
  public String mailbox() {
    return username + "@" + host + "/" + folder;
  }

  /** foi_correspondence.mailbox_key: where one message was read, never the same for two messages. */
  public String messageKey(long uidValidity, long uid) {
    return mailbox() + "/" + uidValidity + "/" + uid;
  }
}
