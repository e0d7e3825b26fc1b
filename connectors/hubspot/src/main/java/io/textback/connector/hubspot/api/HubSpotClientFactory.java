package io.textback.connector.hubspot.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.util.concurrent.TimeUnit;

/** One client per portal: its own token (static auth) and its own rate-limit buckets. */
public final class HubSpotClientFactory {
  private HubSpotClientFactory() {}

  /** A client whose limits this JVM alone counts (tests, tools); the worker shares them (the other overload). */
  public static HubSpotClient forPortal(String portal, String accessToken, HubSpotSettings settings) {
    return forPortal(portal, accessToken, settings, new io.textback.crm.InMemoryRequestBudget());
  }

  /** @param budget where the portal's limits are counted: PostgreSQL in the worker, for every worker together */
  public static HubSpotClient forPortal(String portal, String accessToken, HubSpotSettings settings,
      io.textback.crm.RequestBudget budget) {
    Feign.Builder builder = builder(settings)
        .requestInterceptor(t -> t.header("Authorization", "Bearer " + accessToken));
    return new HubSpotClient(builder.target(HubSpotCrmApi.class, settings.baseUrl()),
        builder.target(HubSpotConversationsApi.class, settings.baseUrl()), settings,
        new PortalLimiter(portal, settings, budget));
  }

  /** The app-level calls (the developer API key goes in the query, as HubSpot asks). */
  public static HubSpotDeveloperApi developer(HubSpotSettings settings) {
    return builder(settings).target(HubSpotDeveloperApi.class, settings.baseUrl());
  }

  private static Feign.Builder builder(HubSpotSettings settings) {
    ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    return Feign.builder()
        .client(new Http2Client())
        .encoder(new JacksonEncoder(mapper))
        .decoder(new JacksonDecoder(mapper))
        .errorDecoder(new HubSpotErrorDecoder(mapper))
        .options(new Request.Options(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
            settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS, true))
        .retryer(Retryer.NEVER_RETRY); // HubSpotClient retries, honouring Retry-After
  }
}
