package io.textback.connector.twilio.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * X-Twilio-Signature: Base64(HMAC-SHA1(authToken, url + each sorted param name + its value)). Like
 * Twilio's own validator, a URL is also accepted with its default port added or removed, since
 * proxies differ in what they keep.
 */
public final class TwilioSignature {
  private TwilioSignature() {}

  public static String compute(String authToken, String url, Map<String, List<String>> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params)
        .forEach((name, values) -> values.forEach(v -> data.append(name).append(v)));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA1 is not available", e);
    }
  }

  public static boolean isValid(
      String authToken, String url, Map<String, List<String>> params, String signature) {
    if (authToken == null || authToken.isEmpty() || signature == null || signature.isBlank()) {
      return false;
    }
    byte[] given = signature.trim().getBytes(StandardCharsets.UTF_8);
    for (String candidate : List.of(url, toggleDefaultPort(url))) {
      byte[] expected = compute(authToken, candidate, params).getBytes(StandardCharsets.UTF_8);
      if (MessageDigest.isEqual(expected, given)) {
        return true;
      }
    }
    return false;
  }

  static String toggleDefaultPort(String url) {
    URI uri = URI.create(url);
    int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    String authority = uri.getRawAuthority();
    String toggled;
    if (uri.getPort() == -1) {
      toggled = authority + ":" + defaultPort;
    } else if (uri.getPort() == defaultPort) {
      toggled = authority.substring(0, authority.lastIndexOf(':'));
    } else {
      return url;
    }
    return url.replaceFirst(java.util.regex.Pattern.quote(authority), toggled);
  }
}
