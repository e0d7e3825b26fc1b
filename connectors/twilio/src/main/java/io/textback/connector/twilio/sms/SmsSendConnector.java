package io.textback.connector.twilio.sms;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.textback.connector.twilio.api.TwilioApiException;
import io.textback.connector.twilio.api.TwilioMessage;
import io.textback.connector.twilio.sms.SmsOutbox.Busy;
import io.textback.connector.twilio.sms.SmsOutbox.Claim;
import io.textback.connector.twilio.sms.SmsOutbox.Done;
import io.textback.connector.twilio.sms.SmsOutbox.Granted;
import io.textback.connector.twilio.sms.SmsOutbox.Reused;
import io.textback.connector.twilio.sms.model.SmsSendRequest;
import io.textback.connector.twilio.sms.model.SmsSendResult;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one SMS per idempotency key. The intent is recorded in the outbox before Twilio is called;
 * a retried job finds the stored result, and an attempt that may have reached Twilio is reconciled
 * against Twilio's message list before anything is resent.
 */
@OutboundConnector(
    name = "textback SMS send",
    inputVariables = {"businessId", "from", "to", "body", "idempotencyKey"},
    type = SmsSendConnector.TYPE)
@ElementTemplate(
    id = "io.textback.sms-send.v1",
    name = "textback: send SMS",
    version = 1,
    description = "Sends one SMS through Twilio, exactly once per idempotency key, never to an opted-out number. A first text over the business's hourly cap is HELD for an admin.",
    inputDataClass = SmsSendRequest.class,
    outputDataClass = SmsSendResult.class,
    engineVersion = "^8.8",
    defaultResultVariable = "smsResult",
    icon = "sms.svg",
    propertyGroups = {
      @ElementTemplate.PropertyGroup(id = "message", label = "Message"),
      @ElementTemplate.PropertyGroup(id = "delivery", label = "Delivery")
    })
public class SmsSendConnector implements OutboundConnectorFunction {
  /** The refusal when an idempotency key already stands for another text. */
  public static final String KEY_REUSED = "idempotency_key_reused";
  public static final String TYPE = "io.textback:sms-send:1";
  private static final Logger LOG = LoggerFactory.getLogger(SmsSendConnector.class);
  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final Duration AMBIGUOUS_BACKOFF = Duration.ofSeconds(15);
  private static final Duration WAIT_BACKOFF = Duration.ofSeconds(1);

  private final TwilioSmsGateway gateway;
  private final SmsOutbox outbox;
  private final SmsSendGuard guard;
  private final FirstTextCap cap;

  public SmsSendConnector(TwilioSmsGateway gateway, SmsOutbox outbox, SmsSendGuard guard, FirstTextCap cap) {
    this.gateway = gateway;
    this.outbox = outbox;
    this.guard = guard;
    this.cap = cap;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    return send(context.bindVariables(SmsSendRequest.class));
  }

  /** The whole send step, callable without a job (tests, tools). */
  public SmsSendResult send(SmsSendRequest request) {
    Optional<String> wait = guard.waitReason();
    if (wait.isPresent()) {
      LOG.info("SMS {} waits: {}", request.idempotencyKey(), wait.get());
      throw retry("SMS " + request.idempotencyKey() + " waits: " + wait.get(), null, WAIT_BACKOFF);
    }
    Claim claim = outbox.claim(request, LEASE);
    return switch (claim) {
      case Done done -> {
        LOG.info("SMS {} already handled: {}", request.idempotencyKey(), done.result().outcome());
        yield done.result();
      }
      case Busy busy ->
          throw retry("SMS " + request.idempotencyKey() + " is being sent by another worker", null,
              Duration.between(java.time.Instant.now(), busy.leaseUntil()).plusSeconds(1));
      case Reused reused -> {
        LOG.warn("SMS {}: the key was used for another text; not sent", request.idempotencyKey());
        yield SmsSendResult.refused(KEY_REUSED, null);
      }
      case Granted granted -> sendGranted(request, granted);
    };
  }

  private SmsSendResult sendGranted(SmsSendRequest request, Granted granted) {
    Optional<String> refusal = guard.refusal(request.businessId(), request.to());
    if (refusal.isPresent()) {
      return finish(request, SmsSendResult.refused(refusal.get(), null));
    }
    // Asked on every attempt: a first attempt that failed before it was counted must not let a retry
    // skip the cap (the cap knows a text it already counted or an admin released).
    Optional<String> hold = cap.holdReason(request);
    if (hold.isPresent()) {
      LOG.warn("SMS {} to {} held for an admin: {}", request.idempotencyKey(),
          io.textback.connector.twilio.PhoneMask.mask(request.to()), hold.get());
      return finish(request, SmsSendResult.held(hold.get()));
    }
    try {
      if (granted.mayHaveReachedProvider()) {
        Optional<TwilioMessage> earlier = gateway.findSent(request, granted.firstAttemptAt());
        if (earlier.isPresent()) {
          LOG.info("SMS {} was already accepted by Twilio as {}; not resending",
              request.idempotencyKey(), earlier.get().sid());
          return finish(request, SmsSendResult.sent(earlier.get().sid(), earlier.get().status()));
        }
      }
      TwilioMessage message = gateway.send(request);
      LOG.info("SMS {} sent to {} as {}", request.idempotencyKey(),
          io.textback.connector.twilio.PhoneMask.mask(request.to()), message.sid());
      return finish(request, SmsSendResult.sent(message.sid(), message.status()));
    } catch (TwilioApiException e) {
      return handleFailure(request, e);
    }
  }

  private SmsSendResult handleFailure(SmsSendRequest request, TwilioApiException e) {
    if (e.category().isRefusal()) {
      LOG.info("SMS {} refused by Twilio: {}", request.idempotencyKey(), e.getMessage());
      return finish(request, SmsSendResult.refused(e.category().name().toLowerCase(), e.twilioCode()));
    }
    outbox.release(request.idempotencyKey(), e.getMessage());
    switch (e.category()) {
      case RATE_LIMITED, AMBIGUOUS -> {
        LOG.warn("SMS {} not confirmed ({}); the job retries and reconciles first",
            request.idempotencyKey(), e.getMessage());
        throw retry(e.getMessage(), e, AMBIGUOUS_BACKOFF);
      }
      default -> throw new ConnectorException("TWILIO_REJECTED", e.getMessage(), e);
    }
  }

  private SmsSendResult finish(SmsSendRequest request, SmsSendResult result) {
    outbox.complete(request.idempotencyKey(), result);
    return result;
  }

  private static ConnectorRetryException retry(String message, Throwable cause, Duration backoff) {
    return ConnectorRetryException.builder()
        .errorCode("SMS_NOT_CONFIRMED")
        .message(message)
        .cause(cause)
        .backoffDuration(backoff.isNegative() ? Duration.ofSeconds(1) : backoff)
        .build();
  }
}
