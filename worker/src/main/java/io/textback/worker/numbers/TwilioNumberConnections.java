package io.textback.worker.numbers;

import io.textback.connector.twilio.api.TwilioApiException;
import io.textback.connector.twilio.api.TwilioNumbersApi;
import io.textback.connector.twilio.api.TwilioNumbersApi.IncomingNumber;
import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.phone.PhoneNumbers;
import io.textback.worker.sms.InboundSmsController;
import io.textback.worker.web.RequestRejectedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Connects a number of the business's Twilio account to textback in one step: its voice URL, call
 * status callback and messaging URL point at textback's public URL (all POST), and the number is
 * read back to prove Twilio kept them. A number that already sends its calls or texts to another
 * service is changed only when the person confirms, having seen where it points.
 */
public class TwilioNumberConnections {
  static final String VOICE_PATH = "/webhooks/twilio/voice";
  static final String STATUS_PATH = "/webhooks/twilio/voice/status";
  private static final Logger LOG = LoggerFactory.getLogger(TwilioNumberConnections.class);
  private final TwilioNumbersApi api;
  private final String accountSid;
  private final String publicBaseUrl;
  private final BusinessDirectory businesses;

  public TwilioNumberConnections(TwilioNumbersApi api, String accountSid, String publicBaseUrl, BusinessDirectory businesses) {
    this.api = api;
    this.accountSid = accountSid;
    this.publicBaseUrl = publicBaseUrl;
    this.businesses = businesses;
  }

  /** What textback needs each number to send it. */
  public Map<String, String> wanted() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("VoiceUrl", publicBaseUrl + VOICE_PATH);
    form.put("VoiceMethod", "POST");
    form.put("StatusCallback", publicBaseUrl + STATUS_PATH);
    form.put("StatusCallbackMethod", "POST");
    form.put("SmsUrl", publicBaseUrl + InboundSmsController.PATH);
    form.put("SmsMethod", "POST");
    return form;
  }

  public List<NumberView> list() {
    return call(() -> api.list(accountSid)).numbers().stream().map(this::view).toList();
  }

  /**
   * Points the number at textback; {@code confirmed} is needed when it points elsewhere now.
   * Answers the number as read back from Twilio after the change.
   */
  public NumberView connect(String sid, boolean confirmed) {
    NumberView now = view(call(() -> api.fetch(accountSid, sid)));
    if (now.state().equals(NumberView.ELSEWHERE) && !confirmed) {
      throw new RequestRejectedException(HttpStatus.CONFLICT, PhoneNumbers.mask(now.phoneNumber())
          + " sends its calls or texts elsewhere now (" + describe(now.pointsAt()) + "); connect it again with"
          + " {\"confirm\": true} to point it at textback instead");
    }
    call(() -> api.update(accountSid, sid, wanted()));
    NumberView after = view(call(() -> api.fetch(accountSid, sid)));
    if (!after.state().equals(NumberView.CONNECTED)) {
      throw new RequestRejectedException(HttpStatus.BAD_GATEWAY, "Twilio took the change but the number, read back,"
          + " still points at " + describe(after.pointsAt()));
    }
    LOG.info("Twilio number {} connected to {} (was {})", PhoneNumbers.mask(after.phoneNumber()), publicBaseUrl, now.state());
    return after;
  }

  NumberView view(IncomingNumber n) {
    Map<String, String> points = new LinkedHashMap<>();
    points.put("voiceUrl", n.voiceUrl());
    points.put("statusCallback", n.statusCallback());
    points.put("smsUrl", n.smsUrl());
    if (notBlank(n.voiceApplicationSid())) {
      points.put("voiceApplicationSid", n.voiceApplicationSid());
    }
    if (notBlank(n.smsApplicationSid())) {
      points.put("smsApplicationSid", n.smsApplicationSid());
    }
    if (notBlank(n.trunkSid())) {
      points.put("trunkSid", n.trunkSid());
    }
    Map<String, String> w = wanted();
    boolean connected = w.get("VoiceUrl").equals(n.voiceUrl()) && w.get("StatusCallback").equals(n.statusCallback())
        && w.get("SmsUrl").equals(n.smsUrl()) && post(n.voiceMethod()) && post(n.smsMethod())
        && post(n.statusCallbackMethod()) && points.size() == 3;
    boolean unset = points.size() == 3 && unused(n.voiceUrl()) && unused(n.smsUrl()) && !notBlank(n.statusCallback());
    // every URL set is textback's own, but one is missing or not POST: finishing it overrides nobody
    boolean ours = points.size() == 3 && points.values().stream().allMatch(u -> !notBlank(u) || u.startsWith(publicBaseUrl + "/"));
    String business = businesses.byTwilioNumber(n.phoneNumber()).map(Business::id).orElse(null);
    return new NumberView(n.sid(), n.phoneNumber(), n.friendlyName(), business, connected ? NumberView.CONNECTED
        : unset ? NumberView.NOT_SET : ours ? NumberView.INCOMPLETE : NumberView.ELSEWHERE, points);
  }

  /** Nothing set, or the page Twilio gives a new number (demo.twilio.com): nobody's service. */
  private static boolean unused(String url) {
    return !notBlank(url) || url.startsWith("https://demo.twilio.com/");
  }

  private static boolean post(String method) {
    return method == null || method.isBlank() || method.equalsIgnoreCase("POST");
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String describe(Map<String, String> points) {
    return points.entrySet().stream().filter(e -> notBlank(e.getValue())).map(e -> e.getKey() + " " + e.getValue())
        .reduce((a, b) -> a + ", " + b).orElse("nothing");
  }

  private static <T> T call(java.util.function.Supplier<T> request) {
    try {
      return Objects.requireNonNull(request.get());
    } catch (TwilioApiException e) {
      if (e.httpStatus() == 404) {
        throw new RequestRejectedException(HttpStatus.NOT_FOUND, "Twilio has no such number in this account");
      }
      throw new RequestRejectedException(HttpStatus.BAD_GATEWAY, "Twilio answered " + e.httpStatus()
          + (e.twilioCode() == null ? "" : " (error " + e.twilioCode() + ")") + ": " + e.getMessage());
    }
  }
}
