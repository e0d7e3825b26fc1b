package io.textback.connector.hubspot.api;

import java.time.Duration;

/**
 * How to reach HubSpot and how hard to push it.
 *
 * @param requestsPer10Seconds the portal's burst limit for private and static apps (100 on Free and
 *     Starter, 190 on Professional and Enterprise); shared by every app in the portal
 * @param searchesPerSecond the CRM search limit (5 per second per portal)
 */
public record HubSpotSettings(
    String baseUrl,
    int requestsPer10Seconds,
    int searchesPerSecond,
    int maxAttempts,
    Duration initialBackoff,
    Duration connectTimeout,
    Duration readTimeout) {

  public static HubSpotSettings defaults(String baseUrl) {
    return new HubSpotSettings(baseUrl, 100, 5, 5, Duration.ofMillis(500), Duration.ofSeconds(3),
        Duration.ofSeconds(10));
  }
}
