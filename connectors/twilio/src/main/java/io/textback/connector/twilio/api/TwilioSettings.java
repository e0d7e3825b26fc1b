package io.textback.connector.twilio.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Twilio. {@code apiKeySid}/{@code apiKeySecret} are optional: when set they
 * authenticate instead of the account's auth token (Twilio's recommended production setup).
 */
public record TwilioSettings(
    String baseUrl,
    String accountSid,
    String authToken,
    String apiKeySid,
    String apiKeySecret,
    Duration connectTimeout,
    Duration readTimeout) {

  public TwilioSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(accountSid, "accountSid");
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
  }

  String apiKeySidOrAccountSid() {
    return isBlank(apiKeySid) ? accountSid : apiKeySid;
  }

  String authSecret() {
    return isBlank(apiKeySid) ? authToken : apiKeySecret;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  @Override
  public String toString() {
    // never print secrets
    return "TwilioSettings[baseUrl=" + baseUrl + ", accountSid=" + accountSid + "]";
  }
}
