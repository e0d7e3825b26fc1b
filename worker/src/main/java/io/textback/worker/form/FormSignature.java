package io.textback.worker.form;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The web-form webhook signature: {@code X-Textback-Signature: sha256=<hex>}, the HMAC-SHA256 of the
 * raw request body with the business's form secret (the scheme GitHub and Stripe-style senders use).
 */
public final class FormSignature {
  public static final String HEADER = "X-Textback-Signature";

  private FormSignature() {}

  public static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Constant-time comparison; the hex may be upper or lower case. */
  public static boolean matches(String secret, byte[] body, String header) {
    if (header == null) {
      return false;
    }
    byte[] expected = sign(secret, body).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, header.trim().toLowerCase().getBytes(StandardCharsets.UTF_8));
  }

  /** Whether a secret given as it is (an API key header) is this one; constant-time. */
  public static boolean sameSecret(String secret, String given) {
    return given != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
        given.trim().getBytes(StandardCharsets.UTF_8));
  }
}
