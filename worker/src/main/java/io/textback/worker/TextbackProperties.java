package io.textback.worker;

import io.textback.connector.twilio.api.TwilioSettings;
import io.textback.worker.business.BusinessSettings;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything under {@code textback.*}.
 *
 * @param publicBaseUrl the URL Twilio calls us on (as Twilio sees it, before any proxy): webhook
 *     signatures are computed over it, and TwiML callbacks point at it
 * @param deployProcesses deploy the bundled BPMN at start (local mode); off in production, where
 *     RevOps deploy from Modeler and a restart must not roll their version back
 */
@ConfigurationProperties("textback")
public record TextbackProperties(
    @DefaultValue("http://localhost:8080") String publicBaseUrl,
    @DefaultValue("false") boolean deployProcesses,
    @DefaultValue Twilio twilio,
    @DefaultValue Relay relay,
    @DefaultValue Console console,
    List<BusinessSettings> businesses) {

  public TextbackProperties {
    publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    businesses = businesses == null ? List.of() : List.copyOf(businesses);
    console = console == null ? new Console(List.of(), Duration.ofDays(7), false) : console;
  }

  /** Twilio account access. The auth token also signs Twilio's webhooks. */
  public record Twilio(
      @DefaultValue("https://api.twilio.com") String baseUrl,
      String accountSid,
      String authToken,
      String apiKeySid,
      String apiKeySecret,
      @DefaultValue("3s") Duration connectTimeout,
      @DefaultValue("10s") Duration readTimeout,
      @DefaultValue("https://lookups.twilio.com") String lookupBaseUrl,
      @DefaultValue("true") boolean lookupEnabled,
      @DefaultValue("180d") Duration lookupCacheTtl,
      @DefaultValue("0") int messagesPerSecond,
      @DefaultValue("https://messaging.twilio.com") String messagingBaseUrl,
      @DefaultValue("true") boolean a2pCheckEnabled) {

    /** What the Twilio clients (Messages, Lookup, Messaging) are built from. */
    public TwilioSettings clientSettings() {
      return new TwilioSettings(baseUrl, accountSid, authToken, apiKeySid, apiKeySecret, connectTimeout, readTimeout);
    }

    @Override
    public String toString() {
      return "Twilio[baseUrl=" + baseUrl + ", accountSid=" + accountSid + "]";
    }
  }

  /**
   * Who may open the console and call {@code /api}: admins from configuration. A password is in
   * Spring Security's stored form: {@code {bcrypt}$2a$10$...} (or {@code {noop}...} for local mode).
   */
  /**
   * @param inviteTtl how long an invite's one-time link stays good
   * @param printInviteLinks log each invite's link (local mode, which sends no email); off in production,
   *     where a link in a log would let anyone who reads the log in
   */
  public record Console(List<Admin> admins, @DefaultValue("7d") Duration inviteTtl, boolean printInviteLinks) {
    public Console {
      admins = admins == null ? List.of() : List.copyOf(admins);
      inviteTtl = inviteTtl == null ? Duration.ofDays(7) : inviteTtl;
    }

    /**
     * A login. {@code role} ADMIN (the default) opens the console and /api for every business;
     * MEMBER the console and /api for its {@code businesses} only (everything of another answers 404);
     * METRICS only the Prometheus endpoint, so the scrape login in Prometheus's config cannot send a text.
     */
    public record Admin(String username, String password, @DefaultValue("ADMIN") String role, List<String> businesses) {
      public Admin {
        businesses = businesses == null ? List.of() : List.copyOf(businesses);
      }

      @Override
      public String toString() {
        return "Admin[" + username + "]";
      }
    }
  }

  /** Publishing stored webhook events to the engine. */
  public record Relay(
      @DefaultValue("1s") Duration pollInterval,
      @DefaultValue("250ms") Duration initialBackoff,
      @DefaultValue("10s") Duration maxBackoff) {}
}
