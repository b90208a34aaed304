package org.foiflow.mailbox;

import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the FOI mailbox every foiflow.mailbox.poll-interval and files each new message ({@link MailFiling}), on the
 * one node that holds the mailbox's lease ({@link MailboxLease}). Messages are read in UID order from just above the
 * last UID filed; each is filed in its own transaction, which also moves the last UID on, so a crash anywhere
 * loses nothing (the next poll starts at the first message not committed) and files nothing twice (the row's unique
 * keys). A message is marked \Seen after it is filed, for people who also look at the mailbox.
 *
 * <p>One message never stops the poll: one too large, or whose bytes cannot be fetched or parsed, is filed to the
 * holding pen with the reason. When filing itself fails (the database refused it), the poll stops at that message
 * (the UIDs after it must not be passed over it) and tries it again at the next poll; after {@value #ATTEMPTS}
 * failures it is filed as a holding-pen row with the reason instead, so no message holds the mailbox up for good.
 * The count is this node's memory: a restart (or the other node) gives the message {@value #ATTEMPTS} more tries.
 * Off unless foiflow.mailbox.host is set; a mailbox that cannot be reached is logged and tried at the next interval.
 */
@Component
@ConditionalOnProperty(prefix = "foiflow.mailbox", name = "host")
public class MailboxPoller {

  static final int ATTEMPTS = 3;
  private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

  private final MailboxSettings settings;
  private final MailFiling filing;
  private final MailboxLease lease;
  private final IdentityService identity;
  /** Failed filings per message key, on this node, since it started. */
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  public MailboxPoller(MailboxSettings settings, MailFiling filing, MailboxLease lease, @Lazy IdentityService identity) {
    this.settings = settings;
    this.filing = filing;
    this.lease = lease;
    this.identity = identity;
  }

  @Scheduled(fixedDelayString = "${foiflow.mailbox.poll-interval:PT1M}",
      initialDelayString = "${foiflow.mailbox.poll-interval:PT1M}")
  void pollOnSchedule() {
    try {
      poll();
    } catch (RuntimeException unexpected) {
      // the scheduler must keep calling: the next interval tries again
      log.warn("Reading the mailbox {} failed; trying again in {}", settings.mailbox(), settings.pollInterval(),
          unexpected);
    }
  }

  /** One poll: the number of messages filed by it (0 when another node holds the lease or nothing is new). */
  public int poll() {
    if (!settings.configured()) {
      return 0;
    }
    String mailbox = settings.mailbox();
    identity.clearAuthentication(); // the mailbox files as the system
    if (!lease.take(mailbox, settings.lease())) {
      log.debug("Another node is reading {}", mailbox);
      return 0;
    }
    int filed = 0;
    try (Store store = session().getStore(settings.protocol())) {
      store.connect(settings.host(), settings.port() == null ? -1 : settings.port(), settings.username(),
          settings.password());
      Folder folder = store.getFolder(settings.folder());
      folder.open(Folder.READ_WRITE);
      try {
        filed = fileNew(mailbox, folder);
      } finally {
        closeQuietly(folder);
      }
    } catch (MessagingException unreachable) {
      log.warn("Could not read the mailbox {} ({}); trying again in {}", mailbox, unreachable.getMessage(),
          settings.pollInterval());
    } catch (MailboxProgress.LeaseLostException lost) {
      log.warn("Stopped reading {}: {}", mailbox, lost.getMessage());
    } finally {
      lease.release(mailbox);
    }
    return filed;
  }

  private int fileNew(String mailbox, Folder folder) throws MessagingException {
    UIDFolder uids = (UIDFolder) folder;
    long uidValidity = uids.getUIDValidity();
    long lastUid = lease.lastUid(mailbox, uidValidity);
    Message[] messages = uids.getMessagesByUID(lastUid + 1, UIDFolder.LASTUID);
    FetchProfile profile = new FetchProfile();
    profile.add(UIDFolder.FetchProfileItem.UID);
    profile.add(FetchProfile.Item.ENVELOPE); // with the size and internal date: no round trip per message for them
    profile.add(FetchProfile.Item.SIZE);
    folder.fetch(messages, profile);
    int filed = 0;
    for (Message message : messages) {
      long uid = uids.getUID(message);
      // "n:*" names the last message even when its UID is below n
      if (uid <= lastUid) {
        continue;
      }
      MailboxProgress progress = new MailboxProgress(mailbox, lease.node(), uidValidity, uid,
          Instant.now().plus(settings.lease()));
      Optional<Boolean> outcome = fileOne(message, settings.messageKey(uidValidity, uid), progress);
      if (outcome.isEmpty()) {
        break;
      }
      if (outcome.get()) {
        filed++;
      }
      markSeen(message);
    }
    return filed;
  }

  /** True if filed, false if it had been filed before; empty when the poll must stop at this message. */
  private Optional<Boolean> fileOne(Message message, String key, MailboxProgress progress) throws MessagingException {
    Instant receivedAt = receivedAt(message);
    long size = message.getSize();
    byte[] raw = null;
    try {
      Optional<String> filed;
      if (size > settings.maxMessageSize().toBytes()) {
        filed = filing.fileUnread(key, receivedAt, null, size, envelope(message), tooLarge(size), progress);
      } else {
        try {
          raw = bytes(message);
          filed = filing.file(raw, key, receivedAt, progress);
        } catch (FolderClosedException | StoreClosedException connectionLost) {
          throw connectionLost;
        } catch (MessagingException | IOException unreadable) {
          filed = filing.fileUnread(key, receivedAt, null, Math.max(size, 0), envelope(message),
              MailFiling.UNREADABLE + unreadable.getMessage(), progress);
        }
      }
      if (filed.isEmpty()) {
        lease.advance(progress);
      }
      failures.remove(key);
      return Optional.of(filed.isPresent());
    } catch (MailboxProgress.LeaseLostException lost) {
      throw lost;
    } catch (RuntimeException failed) {
      return afterFailure(key, receivedAt, raw, size, message, progress, failed);
    }
  }

  private Optional<Boolean> afterFailure(String key, Instant receivedAt, byte[] raw, long size, Message message,
                                         MailboxProgress progress, RuntimeException failed) {
    int attempts = failures.merge(key, 1, Integer::sum);
    if (attempts < ATTEMPTS) {
      log.warn("Filing message {} failed (attempt {} of {}); the next poll tries it again", key, attempts, ATTEMPTS,
          failed);
      return Optional.empty();
    }
    try {
      Optional<String> filed = filing.fileUnread(key, receivedAt, raw, Math.max(size, 0), envelope(message),
          MailFiling.UNREADABLE + "filing it failed " + attempts + " times (" + failed.getMessage() + ")", progress);
      if (filed.isEmpty()) {
        lease.advance(progress);
      }
      failures.remove(key);
      return Optional.of(filed.isPresent());
    } catch (RuntimeException stillFailing) {
      // the database itself is failing: stop here, the message is neither lost nor passed over
      log.error("Could not file message {} even to the holding pen; the next poll tries again", key, stillFailing);
      return Optional.empty();
    }
  }

  private Session session() {
    Properties properties = new Properties();
    String protocol = settings.protocol();
    // read without setting \Seen: it is set once the message is filed
    properties.setProperty("mail." + protocol + ".peek", "true");
    properties.setProperty("mail." + protocol + ".connectiontimeout", "10000");
    properties.setProperty("mail." + protocol + ".timeout", "60000");
    properties.setProperty("mail." + protocol + ".writetimeout", "60000");
    return Session.getInstance(properties);
  }

  private static byte[] bytes(Message message) throws MessagingException, IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(message.getSize(), 1024));
    message.writeTo(raw);
    return raw.toByteArray();
  }

  private static Instant receivedAt(Message message) {
    try {
      java.util.Date internal = message.getReceivedDate();
      return internal == null ? null : internal.toInstant();
    } catch (MessagingException unknown) {
      return null;
    }
  }

  private static MailFiling.Envelope envelope(Message message) {
    try {
      Address[] from = message.getFrom();
      InternetAddress sender = from != null && from.length > 0 && from[0] instanceof InternetAddress address
          ? address : null;
      return new MailFiling.Envelope(message instanceof MimeMessage mime ? mime.getMessageID() : null,
          sender == null ? null : sender.getAddress(), sender == null ? null : sender.getPersonal(),
          message.getSubject());
    } catch (MessagingException | RuntimeException unreadable) {
      return MailFiling.Envelope.UNKNOWN;
    }
  }

  /** "Too large to read (38 MB; the limit is 35 MB)". */
  private String tooLarge(long size) {
    return "Too large to read (" + shown(size) + "; the limit is " + shown(settings.maxMessageSize().toBytes()) + ")";
  }

  private static String shown(long bytes) {
    long megabyte = 1024 * 1024;
    return bytes >= megabyte ? Math.round((double) bytes / megabyte) + " MB"
        : Math.max(1, Math.round(bytes / 1024.0)) + " KB";
  }

  private static void markSeen(Message message) {
    try {
      message.setFlag(Flags.Flag.SEEN, true);
    } catch (MessagingException | RuntimeException harmless) {
      log.debug("Could not mark a filed message as seen", harmless);
    }
  }

  private static void closeQuietly(Folder folder) {
    try {
      if (folder.isOpen()) {
        folder.close(false);
      }
    } catch (MessagingException ignored) {
      // the connection is closed with the store
    }
  }
}
