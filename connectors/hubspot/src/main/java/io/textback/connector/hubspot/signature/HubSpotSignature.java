package io.textback.connector.hubspot.signature;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HubSpot's v3 request signature: Base64(HMAC-SHA256(clientSecret, method + uri + body + timestamp)),
 * sent as X-HubSpot-Signature-v3 with X-HubSpot-Request-Timestamp; requests older than five
 * minutes are refused. The URI is the absolute public one, as HubSpot called it.
 */
public final class HubSpotSignature {
  public static final String HEADER = "X-HubSpot-Signature-v3";
  public static final String TIMESTAMP_HEADER = "X-HubSpot-Request-Timestamp";
  public static final Duration MAX_AGE = Duration.ofMinutes(5);

  private HubSpotSignature() {}

  public static String v3(String clientSecret, String method, String uri, String body, long timestampMillis) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String source = method + uri + (body == null ? "" : body) + timestampMillis;
      return Base64.getEncoder().encodeToString(mac.doFinal(source.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Why the request is refused, or null when the signature is good and fresh. */
  public static String refusal(String clientSecret, String method, String uri, String body, String timestampHeader,
      String signatureHeader, Instant now) {
    if (signatureHeader == null || signatureHeader.isBlank()) {
      return "missing " + HEADER;
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampHeader == null ? "" : timestampHeader.trim());
    } catch (NumberFormatException e) {
      return "missing or malformed " + TIMESTAMP_HEADER;
    }
    long age = now.toEpochMilli() - timestamp;
    if (age > MAX_AGE.toMillis() || age < -MAX_AGE.toMillis()) {
      return TIMESTAMP_HEADER + " is more than 5 minutes from now";
    }
    byte[] expected = v3(clientSecret, method, uri, body, timestamp).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.UTF_8))) {
      return HEADER + " does not match (signed URI must be " + uri + ")";
    }
    return null;
  }
}
