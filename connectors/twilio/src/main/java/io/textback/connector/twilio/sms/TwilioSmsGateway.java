package io.textback.connector.twilio.sms;

import feign.RetryableException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.textback.connector.twilio.api.TwilioApiException;
import io.textback.connector.twilio.api.TwilioErrorCategory;
import io.textback.connector.twilio.api.TwilioMessage;
import io.textback.connector.twilio.api.TwilioMessagesApi;
import io.textback.connector.twilio.sms.model.SmsSendRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one SMS through Twilio and finds one it may already have sent. Rate limits (20429, 429)
 * are retried here with exponential backoff, because Twilio never processed those requests;
 * anything ambiguous is thrown for the caller to reconcile.
 */
public class TwilioSmsGateway {
  private final TwilioMessagesApi api;
  private final String accountSid;
  private final String statusCallbackUrl;
  private final Retry rateLimitRetry;
  private static final Duration PACING_WAIT = Duration.ofSeconds(30);
  private final SendPacing pacing;

  /**
   * @param messagesPerSecond per sending number, in this JVM; sends beyond it wait (up to 30 s). 0
   *     hands every text to Twilio at once, which queues each sender's messages at its A2P 10DLC
   *     throughput itself (up to 4 hours' worth), so a burst of missed calls is not held back here
   */
  public TwilioSmsGateway(TwilioMessagesApi api, String accountSid, String statusCallbackUrl,
      RateLimitBackoff backoff, int messagesPerSecond) {
    this(api, accountSid, statusCallbackUrl, backoff,
        messagesPerSecond <= 0 ? SendPacing.NONE : SendPacing.inThisJvm(messagesPerSecond));
  }

  /** The same, paced by {@code pacing} (the worker's is shared by all its workers through PostgreSQL). */
  public TwilioSmsGateway(TwilioMessagesApi api, String accountSid, String statusCallbackUrl,
      RateLimitBackoff backoff, SendPacing pacing) {
    this.api = api;
    this.accountSid = accountSid;
    this.statusCallbackUrl = statusCallbackUrl;
    this.pacing = pacing;
    this.rateLimitRetry =
        Retry.of(
            "twilio-rate-limit",
            RetryConfig.custom()
                .maxAttempts(backoff.maxAttempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialRandomBackoff(backoff.initial(), 2.0, 0.2, backoff.max()))
                .retryOnException(
                    e -> e instanceof TwilioApiException t && t.category() == TwilioErrorCategory.RATE_LIMITED)
                .build());
  }

  /** Backoff for provider rate limits. */
  public record RateLimitBackoff(int maxAttempts, Duration initial, Duration max) {
    public static final RateLimitBackoff DEFAULT =
        new RateLimitBackoff(4, Duration.ofMillis(500), Duration.ofSeconds(8));
  }

  /** Creates the message; throws {@link TwilioApiException} with its category on failure. */
  public TwilioMessage send(SmsSendRequest request) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("To", request.to());
    form.put("From", request.from());
    form.put("Body", request.body());
    if (statusCallbackUrl != null && !statusCallbackUrl.isBlank()) {
      form.put("StatusCallback", statusCallbackUrl);
    }
    if (!pacing.acquire(request.from(), PACING_WAIT)) {
      throw new TwilioApiException(TwilioErrorCategory.RATE_LIMITED, 0, null,
          "more texts queued for " + io.textback.connector.twilio.PhoneMask.mask(request.from())
              + " than its messages-per-second allow", null);
    }
    return Retry.decorateSupplier(rateLimitRetry, () -> call(() -> api.create(accountSid, form))).get();
  }

  /**
   * Looks for a message with this To, From and body created since {@code since}: the proof that an
   * earlier, ambiguous attempt did reach Twilio.
   */
  public Optional<TwilioMessage> findSent(SmsSendRequest request, Instant since) {
    Map<String, Object> filters = new LinkedHashMap<>();
    filters.put("To", request.to());
    filters.put("From", request.from());
    // Twilio filters DateSent by day (UTC); a day earlier covers a send just before midnight.
    filters.put("DateSent>", since.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1).toString());
    filters.put("PageSize", 50);
    return Retry.decorateSupplier(rateLimitRetry, () -> call(() -> api.list(accountSid, filters)))
        .get()
        .messages()
        .stream()
        .filter(m -> request.body().equals(m.body()))
        .findFirst();
  }

  /** A broken connection or timeout is ambiguous: the request may have been processed. */
  private static <T> T call(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (RetryableException e) {
      throw new TwilioApiException(
          TwilioErrorCategory.AMBIGUOUS, 0, null, "No answer from Twilio: " + e.getMessage(), e);
    }
  }
}
