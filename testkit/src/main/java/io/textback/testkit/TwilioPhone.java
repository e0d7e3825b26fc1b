package io.textback.testkit;

import io.textback.connector.twilio.signature.TwilioSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Plays calls against the worker by sending the webhooks Twilio sends, signed with the auth token
 * over the public URL, the same way Twilio signs them.
 */
public final class TwilioPhone {
  private final URI worker;
  private final String publicBaseUrl;
  private final String authToken;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param worker where the requests go (http://localhost:8080)
   * @param publicBaseUrl the URL Twilio would call, which the signature covers (often the same)
   */
  public TwilioPhone(URI worker, String publicBaseUrl, String authToken) {
    this.worker = worker;
    this.publicBaseUrl = publicBaseUrl;
    this.authToken = authToken;
  }

  /** A new inbound call from {@code from} to the business's Twilio number {@code to}. */
  public Call call(String from, String to) {
    return new Call("CA" + HexFormat.of().formatHex(randomBytes(16)), from, to);
  }

  /** The lead texts the business: Twilio's inbound SMS webhook. */
  public WebhookResponse text(String from, String to, String body) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("AccountSid", TwilioFake.ACCOUNT_SID);
    p.put("ApiVersion", "2010-04-01");
    p.put("MessageSid", "SM" + HexFormat.of().formatHex(randomBytes(16)));
    p.put("SmsSid", p.get("MessageSid"));
    p.put("From", from);
    p.put("To", to);
    p.put("Body", body);
    p.put("NumMedia", "0");
    p.put("NumSegments", "1");
    return post("/webhooks/twilio/sms", p);
  }

  /** Twilio reports a message's delivery status (errorCode may be null). */
  public WebhookResponse deliveryStatus(String messageSid, String status, String to, Integer errorCode) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("AccountSid", TwilioFake.ACCOUNT_SID);
    p.put("MessageSid", messageSid);
    p.put("SmsSid", messageSid);
    p.put("MessageStatus", status);
    p.put("SmsStatus", status);
    p.put("To", to);
    if (errorCode != null) {
      p.put("ErrorCode", errorCode.toString());
    }
    return post("/webhooks/twilio/sms/status", p);
  }

  /** Sends one webhook: form-encoded, signed. */
  public WebhookResponse post(String path, Map<String, String> params) {
    return post(path, params, TwilioSignature.compute(authToken, publicBaseUrl + path,
        params.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())))));
  }

  /** Sends one webhook with the given signature header (null for none). */
  public WebhookResponse post(String path, Map<String, String> params, String signature) {
    String body = params.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(worker.resolve(path))
        .timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
        .header("I-Twilio-Idempotency-Token", HexFormat.of().formatHex(randomBytes(8)))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("X-Twilio-Signature", signature);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new WebhookResponse(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException("worker not reachable at " + worker + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }

  /** One call and the webhooks Twilio sends as it goes. */
  public final class Call {
    private final String callSid;
    private final String from;
    private final String to;

    Call(String callSid, String from, String to) {
      this.callSid = callSid;
      this.from = from;
      this.to = to;
    }

    public String callSid() {
      return callSid;
    }

    public String from() {
      return from;
    }

    private Map<String, String> base(String callStatus) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("AccountSid", TwilioFake.ACCOUNT_SID);
      p.put("ApiVersion", "2010-04-01");
      p.put("CallSid", callSid);
      p.put("CallStatus", callStatus);
      p.put("Direction", "inbound");
      p.put("From", from);
      p.put("To", to);
      p.put("Called", to);
      p.put("Caller", from);
      return p;
    }

    /** The call arrives at the Twilio number (the number's voice URL). */
    public WebhookResponse rings() {
      return post("/webhooks/twilio/voice", base("ringing"));
    }

    /** The Dial to the business's phone ended with {@code dialCallStatus}. */
    public WebhookResponse dialEnded(String dialCallStatus) {
      Map<String, String> p = base("in-progress");
      p.put("DialCallStatus", dialCallStatus);
      p.put("DialCallSid", "CA" + HexFormat.of().formatHex(randomBytes(16)));
      p.put("DialCallDuration", "completed".equals(dialCallStatus) ? "42" : "0");
      p.put("DialBridged", Boolean.toString("completed".equals(dialCallStatus)));
      return post("/webhooks/twilio/voice/dial-status", p);
    }

    /** Rings out with no answer: the business missed it. */
    public WebhookResponse missed() {
      rings();
      return dialEnded("no-answer");
    }

    /** The caller hangs up while the greeting plays: only the call's status callback tells us. */
    public WebhookResponse hangsUpAtGreeting() {
      return post("/webhooks/twilio/voice/status", withDuration(base("completed"), "25"));
    }

    /** The caller leaves a voicemail of {@code seconds} and hangs up. */
    public WebhookResponse leavesVoicemail(int seconds) {
      String recordingSid = "RE" + HexFormat.of().formatHex(randomBytes(16));
      String url = "https://api.twilio.com/2010-04-01/Accounts/" + TwilioFake.ACCOUNT_SID + "/Recordings/" + recordingSid;
      Map<String, String> action = base("in-progress");
      action.put("RecordingUrl", url);
      action.put("RecordingDuration", Integer.toString(seconds));
      action.put("Digits", "hangup");
      WebhookResponse response = post("/webhooks/twilio/voice/recording", action);
      post("/webhooks/twilio/voice/status", withDuration(base("completed"), Integer.toString(seconds + 25)));
      Map<String, String> status = new LinkedHashMap<>();
      status.put("AccountSid", TwilioFake.ACCOUNT_SID);
      status.put("CallSid", callSid);
      status.put("To", to);
      status.put("From", from);
      status.put("RecordingSid", recordingSid);
      status.put("RecordingUrl", url);
      status.put("RecordingStatus", "completed");
      status.put("RecordingDuration", Integer.toString(seconds));
      status.put("RecordingChannels", "1");
      status.put("RecordingSource", "RecordVerb");
      post("/webhooks/twilio/voice/recording", status);
      return response;
    }

    private Map<String, String> withDuration(Map<String, String> p, String seconds) {
      p.put("CallDuration", seconds);
      return p;
    }
  }
}
