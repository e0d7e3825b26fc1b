package io.textback.worker.crm.gohighlevel;

import io.textback.connector.gohighlevel.api.HighLevelApiException;
import io.textback.connector.gohighlevel.api.HighLevelClientFactory;
import io.textback.connector.gohighlevel.api.HighLevelModel.Token;
import io.textback.connector.gohighlevel.api.HighLevelOAuthApi;
import io.textback.crm.CrmKind;
import io.textback.worker.crm.JdbcCrmTokens;
import io.textback.worker.crm.JdbcCrmTokens.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The marketplace app's location tokens (shared/reference/gohighlevel.md §1.2): stored at install,
 * refreshed 10 minutes before they expire (about a day), one refresh at a time per location across
 * every worker, each new refresh token kept. A worker keeps a token for a minute at most before
 * reading the table again.
 */
@Component
public class HighLevelTokens {
  private static final Logger LOG = LoggerFactory.getLogger(HighLevelTokens.class);
  static final Duration REFRESH_BEFORE = Duration.ofMinutes(10);
  private static final Duration KEPT = Duration.ofMinutes(1);
  private final JdbcCrmTokens store;
  private final HighLevelProperties.Global app;
  private final HighLevelOAuthApi oauth;
  private final Clock clock;
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  private record Kept(String accessToken, Instant until) {}

  public HighLevelTokens(JdbcCrmTokens store, HighLevelProperties properties, HighLevelApiSettings settings, Clock clock) {
    this.store = store;
    this.app = properties.gohighlevel();
    this.oauth = HighLevelClientFactory.oauth(settings.settings());
    this.clock = clock;
  }

  /** The location's access token, refreshed first when it is about to expire. */
  public String accessToken(String locationId) {
    Instant now = clock.instant();
    Kept k = kept.get(locationId);
    if (k != null && k.until().isAfter(now)) {
      return k.accessToken();
    }
    Tokens tokens = store.freshen(CrmKind.GOHIGHLEVEL, locationId,
            t -> t.expiresAt().isBefore(clock.instant().plus(REFRESH_BEFORE)), this::refresh)
        .orElseThrow(() -> new HighLevelApiException(401, "HighLevel location " + locationId
            + " has not installed textback's app: an admin installs it from the console (GoHighLevel, Install)", null, null));
    Instant until = now.plus(KEPT);
    Instant refreshAt = tokens.expiresAt().minus(REFRESH_BEFORE);
    kept.put(locationId, new Kept(tokens.accessToken(), until.isBefore(refreshAt) ? until : refreshAt));
    return tokens.accessToken();
  }

  /** Exchanges an install's authorization code for the location's tokens; the location id. */
  public String install(String code, String redirectUri) {
    Map<String, String> form = credentials();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("user_type", "Location");
    form.put("redirect_uri", redirectUri);
    Token token = oauth.token(HighLevelOAuthApi.form(form));
    if (token.locationId() == null || token.locationId().isBlank()) {
      throw new HighLevelApiException(400, "HighLevel's install gave no location (an agency-level install): install "
          + "the app on the sub-account", null, null);
    }
    store.save(CrmKind.GOHIGHLEVEL, token.locationId(), tokens(token), token.scope());
    kept.remove(token.locationId());
    LOG.info("HighLevel location {} installed textback's app", token.locationId());
    return token.locationId();
  }

  /** The app was uninstalled from the location: its tokens are gone. */
  public void uninstalled(String locationId) {
    store.forget(CrmKind.GOHIGHLEVEL, locationId);
    kept.remove(locationId);
  }

  private Tokens refresh(Tokens old) {
    Map<String, String> form = credentials();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", old.refreshToken());
    form.put("user_type", "Location");
    LOG.info("Refreshing a HighLevel location token (expires {})", old.expiresAt());
    return tokens(oauth.token(HighLevelOAuthApi.form(form)));
  }

  private Tokens tokens(Token token) {
    long seconds = token.expiresIn() == null ? 86_399 : token.expiresIn();
    return new Tokens(token.accessToken(), token.refreshToken(), clock.instant().plusSeconds(seconds));
  }

  private Map<String, String> credentials() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", app.clientId());
    form.put("client_secret", app.clientSecret());
    return form;
  }
}
