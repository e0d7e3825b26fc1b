package io.textback.worker.crm.gohighlevel;

import io.textback.connector.gohighlevel.api.HighLevelApiException;
import io.textback.worker.TextbackProperties;
import io.textback.worker.web.RequestRejectedException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Installing textback's marketplace app on a HighLevel location (OAuth 2.0, shared/reference/
 * gohighlevel.md §1.2): an admin opens {@code /api/gohighlevel/install}, chooses the location at
 * HighLevel, and HighLevel sends the browser back to {@code /webhooks/gohighlevel/oauth} with a code,
 * which is exchanged for the location's tokens (stored, refreshed before they expire).
 */
@RestController
public class HighLevelInstallController {
  public static final String CALLBACK_PATH = "/webhooks/gohighlevel/oauth";
  /** The scopes of the calls and webhooks textback uses (gohighlevel.md §1.3), no more. */
  static final List<String> SCOPES = List.of("contacts.readonly", "contacts.write", "conversations.readonly",
      "conversations.write", "conversations/message.readonly", "conversations/message.write", "opportunities.readonly",
      "opportunities.write", "calendars/events.readonly");
  private final HighLevelProperties.Global app;
  private final String callbackUrl;
  private final HighLevelTokens tokens;
  private final ConfiguredHighLevelLocations locations;

  public HighLevelInstallController(HighLevelProperties properties, TextbackProperties textback, HighLevelTokens tokens,
      ConfiguredHighLevelLocations locations) {
    this.app = properties.gohighlevel();
    this.callbackUrl = textback.publicBaseUrl() + CALLBACK_PATH;
    this.tokens = tokens;
    this.locations = locations;
  }

  @GetMapping("/api/gohighlevel/install")
  public ResponseEntity<Void> install() {
    if (app.clientId() == null || app.clientId().isBlank() || app.clientSecret() == null || app.clientSecret().isBlank()) {
      throw new RequestRejectedException(HttpStatus.CONFLICT,
          "set textback.gohighlevel.client-id and client-secret (the marketplace app's) to install it on a location");
    }
    String url = app.marketplaceUrl() + "/v2/oauth/chooselocation?response_type=code&redirect_uri="
        + encode(callbackUrl) + "&client_id=" + encode(app.clientId()) + "&scope=" + encode(String.join(" ", SCOPES));
    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(url)).build();
  }

  /**
   * HighLevel's redirect after the install. Anyone can call it, but only a code HighLevel issued to
   * this app turns into tokens, and those serve only a location a business is configured with.
   */
  @GetMapping(CALLBACK_PATH)
  public Map<String, Object> installed(@RequestParam(required = false) String code) {
    if (code == null || code.isBlank()) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "no code: open /api/gohighlevel/install to install the app");
    }
    String locationId;
    try {
      locationId = tokens.install(code, callbackUrl);
    } catch (HighLevelApiException e) {
      if (e.isTransient() || e.isRateLimited()) {
        throw new RequestRejectedException(HttpStatus.SERVICE_UNAVAILABLE, "HighLevel did not answer; install again: "
            + e.getMessage());
      }
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "HighLevel refused the install's code: " + e.getMessage());
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("locationId", locationId);
    locations.byLocation(locationId).ifPresentOrElse(b -> {
      answer.put("business", b.id());
      answer.put("message", "textback's app is installed on " + b.name() + "'s HighLevel location");
    }, () -> answer.put("message", "installed; no business names location " + locationId
        + " yet: set its gohighlevel.location-id"));
    return answer;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
