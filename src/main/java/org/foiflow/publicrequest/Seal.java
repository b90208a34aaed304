package org.foiflow.publicrequest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signs what the public form hands out and takes back (when the form was given out, which case a confirmation link
 * shows) with HMAC-SHA256, so neither can be made up or changed: a bot cannot claim it took its time, and nobody can
 * walk through the cases by editing a link. Nothing is kept on the server for either.
 */
@Component
class Seal {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private final SecretKeySpec key;

  Seal(PublicFormSettings settings) {
    byte[] secret = settings.secret() == null || settings.secret().isBlank()
        ? new SecureRandom().generateSeed(32) : settings.secret().getBytes(StandardCharsets.UTF_8);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** The value and its signature, safe in a URL or a form field. */
  String sign(String value) {
    return ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "." + signature(value);
  }

  /** The value signed, if the signature is ours. */
  Optional<String> open(String sealed) {
    if (sealed == null) {
      return Optional.empty();
    }
    int dot = sealed.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    try {
      String value = new String(Base64.getUrlDecoder().decode(sealed.substring(0, dot)), StandardCharsets.UTF_8);
      boolean ours = MessageDigest.isEqual(signature(value).getBytes(StandardCharsets.US_ASCII),
          sealed.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
      return ours ? Optional.of(value) : Optional.empty();
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  private String signature(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return ENCODER.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException unavailable) {
      throw new IllegalStateException("HmacSHA256 is part of every Java 17", unavailable);
    }
  }
}
