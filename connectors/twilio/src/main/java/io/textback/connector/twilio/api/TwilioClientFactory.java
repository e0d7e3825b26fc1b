package io.textback.connector.twilio.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import feign.auth.BasicAuthRequestInterceptor;
import feign.form.FormEncoder;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Builds the Feign client for Twilio's REST API. */
public final class TwilioClientFactory {
  private TwilioClientFactory() {}

  public static TwilioMessagesApi messagesApi(TwilioSettings settings) {
    return builder(settings).target(TwilioMessagesApi.class, settings.baseUrl());
  }

  /** Lookup lives on its own host (lookups.twilio.com). */
  public static TwilioLookupApi lookupApi(TwilioSettings settings, String lookupBaseUrl) {
    return builder(settings).target(TwilioLookupApi.class, lookupBaseUrl);
  }

  /** Messaging v1 (Messaging Services, A2P campaigns, toll-free verification) lives on messaging.twilio.com. */
  public static TwilioMessagingApi messagingApi(TwilioSettings settings, String messagingBaseUrl) {
    return builder(settings).target(TwilioMessagingApi.class, messagingBaseUrl);
  }

  /** The account's numbers (IncomingPhoneNumbers) live on api.twilio.com, beside Messages. */
  public static TwilioNumbersApi numbersApi(TwilioSettings settings) {
    return builder(settings).target(TwilioNumbersApi.class, settings.baseUrl());
  }

  private static Feign.Builder builder(TwilioSettings settings) {
    ObjectMapper mapper =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    return Feign.builder()
        .client(new Http2Client())
        .encoder(new FormEncoder(new JacksonEncoder(mapper)))
        .decoder(new JacksonDecoder(mapper))
        .errorDecoder(new TwilioErrorDecoder(mapper))
        .requestInterceptor(
            new BasicAuthRequestInterceptor(settings.apiKeySidOrAccountSid(), settings.authSecret()))
        .options(options(settings.connectTimeout(), settings.readTimeout()))
        // Feign must never resend on its own: a resend after a timeout could text twice.
        .retryer(Retryer.NEVER_RETRY);
  }

  private static Request.Options options(Duration connect, Duration read) {
    return new Request.Options(
        connect.toMillis(), TimeUnit.MILLISECONDS, read.toMillis(), TimeUnit.MILLISECONDS, true);
  }
}
