package org.foiflow.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Identifies one submission (requester, request text, date received) without storing any of it: a SHA-256
 * over the normalised values, so a resubmitted form or a retried API call is recognised as the same request.
 */
public final class IntakeFingerprint {

  private IntakeFingerprint() {
  }

  public static String of(String name, String email, String address, String request, LocalDate receivedOn) {
    String joined = String.join("\u0000", normal(name), normal(email), normal(address), normal(request),
        String.valueOf(receivedOn));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static String normal(String value) {
    // invisible characters (a zero-width space, a byte-order mark) and any kind or run of spaces make no new request
    return value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC).replaceAll("\\p{Cf}+", "")
        .replaceAll("(?U)\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }
}
