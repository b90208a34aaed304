package org.foiflow.release;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The requester's links to released copies too large to email (table foi_release_link): a random token of 256 bits,
 * of which only the SHA-256 is stored, valid for foiflow.documents.download-link-valid-for. Time is the engine's
 * clock, so a test that moves it sees a link expire.
 */
@Component
public class DownloadLinks {

  /** What a token opens: the case's released copies, until when. */
  public record Link(String processInstanceId, String reference, Instant expiresAt) {

    public boolean expired(Instant now) {
      return !now.isBefore(expiresAt);
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final ReleaseSettings settings;

  public DownloadLinks(JdbcTemplate jdbc, ReleaseSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  /** A new link to the case's released copies; the token is returned once, never stored. */
  public Issued issue(String processInstanceId, String reference) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Instant now = now();
    Instant expires = now.plus(settings.downloadLinkValidFor());
    jdbc.update("INSERT INTO foi_release_link (token_sha256, process_instance_id, reference, created_at, expires_at)"
        + " VALUES (?, ?, ?, ?, ?)", sha256(token), processInstanceId, reference, Timestamp.from(now),
        Timestamp.from(expires));
    return new Issued(token, expires);
  }

  /** A token just made, and when it stops working. */
  public record Issued(String token, Instant expiresAt) {
  }

  /** The link a token opens, expired or not; empty when no link has this token. */
  public Optional<Link> find(String token) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    List<Link> found = jdbc.query("SELECT process_instance_id, reference, expires_at FROM foi_release_link"
            + " WHERE token_sha256 = ?",
        (rs, n) -> new Link(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), sha256(token));
    return found.stream().findFirst();
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Retention: the case's links go with its documents. */
  public int deleteAllOf(String processInstanceId) {
    return jdbc.update("DELETE FROM foi_release_link WHERE process_instance_id = ?", processInstanceId);
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java has SHA-256", impossible);
    }
  }
}
