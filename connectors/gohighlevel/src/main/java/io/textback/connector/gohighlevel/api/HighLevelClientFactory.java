package io.textback.connector.gohighlevel.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** One client per location: its own token and its own buckets. */
public final class HighLevelClientFactory {
  private HighLevelClientFactory() {}

  /**
   * @param accessToken asked before every call: a Private Integration token never changes; a
   *     marketplace app's location token is refreshed before it expires
   */
  /** A client whose limits this JVM alone counts (tests, tools); the worker shares them (the other overload). */
  public static HighLevelClient forLocation(String locationId, Supplier<String> accessToken, HighLevelSettings settings) {
    return forLocation(locationId, accessToken, settings, new io.textback.crm.InMemoryRequestBudget());
  }

  /** @param budget where the location's limits are counted: PostgreSQL in the worker, for every worker together */
  public static HighLevelClient forLocation(String locationId, Supplier<String> accessToken, HighLevelSettings settings,
      io.textback.crm.RequestBudget budget) {
    Feign.Builder builder = builder(settings)
        .requestInterceptor(t -> t.header("Authorization", "Bearer " + accessToken.get()));
    return new HighLevelClient(locationId, builder.target(HighLevelContactsApi.class, settings.baseUrl()),
        builder.target(HighLevelConversationsApi.class, settings.baseUrl()),
        builder.target(HighLevelOpportunitiesApi.class, settings.baseUrl()), settings,
        new LocationLimiter(locationId, settings, budget));
  }

  /** The token endpoint: the app's own credentials go in the form, no bearer token. */
  public static HighLevelOAuthApi oauth(HighLevelSettings settings) {
    return builder(settings).target(HighLevelOAuthApi.class, settings.baseUrl());
  }

  private static Feign.Builder builder(HighLevelSettings settings) {
    ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    return Feign.builder()
        .client(new Http2Client())
        .encoder(new JacksonEncoder(mapper))
        .decoder(new JacksonDecoder(mapper))
        .errorDecoder(new HighLevelErrorDecoder(mapper))
        .options(new Request.Options(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
            settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS, true))
        .retryer(Retryer.NEVER_RETRY); // HighLevelClient retries
  }
}
