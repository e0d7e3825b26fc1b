package io.textback.testkit;

import io.textback.connector.twilio.signature.TwilioSignature;
import io.textback.testkit.contract.VendorContract;
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
    return text(from, to, body, "SM" + HexFormat.of().formatHex(randomBytes(16)));
  }

  /** The same, with the message's sid given: a test replays a delivery with it. */
  public WebhookResponse text(String from, String to, String body, String sid) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("MessageSid", sid);
    p.put("SmsSid", sid);
    p.put("SmsMessageSid", sid);
    p.put("AccountSid", TwilioFake.ACCOUNT_SID);
    p.put("From", from);
    p.put("To", to);
    p.put("Body", body);
    p.put("NumMedia", "0");
    p.put("NumSegments", "1");
    return post("/webhooks/twilio/sms", documented("sms.incoming", p));
  }

  /**
   * Twilio reports a sent message's delivery status (errorCode may be null). Twilio documents the
   * callback as a subset of the message's properties and its example carries no To: neither does this.
   */
  public WebhookResponse deliveryStatus(FakeMessage message, String status, Integer errorCode) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("MessageSid", message.sid());
    p.put("MessageStatus", status);
    p.put("SmsSid", message.sid());
    p.put("SmsStatus", status);
    p.put("AccountSid", TwilioFake.ACCOUNT_SID);
    p.put("From", message.from());
    if (errorCode != null) {
      p.put("ErrorCode", errorCode.toString());
    }
    return post("/webhooks/twilio/sms/status", documented("sms.status", p));
  }

  /**
   * The parameters, checked against what Twilio documents for this callback (contracts/twilio.json):
   * every one it always sends is there, and none it does not document.
   */
  static Map<String, String> documented(String callbackId, Map<String, String> params) {
    VendorContract.Callback callback = VendorContract.twilio().callback(callbackId);
    for (String always : callback.always()) {
      if (!params.containsKey(always)) {
        throw new IllegalStateException("Twilio always sends " + always + " with " + callbackId);
      }
    }
    for (String name : params.keySet()) {
      if (!callback.documents(name)) {
        throw new IllegalStateException("Twilio does not document " + name + " for " + callbackId);
      }
    }
    return params;
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

    private final String callToken;

    Call(String callSid, String from, String to) {
      this(callSid, from, to, HexFormat.of().formatHex(randomBytes(24)));
    }

    private Call(String callSid, String from, String to, String callToken) {
      this.callSid = callSid;
      this.from = from;
      this.to = to;
      this.callToken = callToken;
    }

    /** This call, its webhooks sent through {@code phone}: another worker behind the same public URL. */
    public Call through(TwilioPhone phone) {
      return phone.new Call(callSid, from, to, callToken);
    }

    public String callSid() {
      return callSid;
    }

    public String from() {
      return from;
    }

    /** Twilio's standard parameters of a voice request (TwiML voice docs: sent with every one). */
    private Map<String, String> base(String callStatus) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("CallSid", callSid);
      p.put("AccountSid", TwilioFake.ACCOUNT_SID);
      p.put("From", from);
      p.put("To", to);
      p.put("CallStatus", callStatus);
      p.put("ApiVersion", "2010-04-01");
      p.put("Direction", "inbound");
      p.put("CallToken", callToken);
      return p;
    }

    /** The call arrives at the Twilio number (the number's voice URL). */
    public WebhookResponse rings() {
      return post("/webhooks/twilio/voice", documented("voice.incoming", base("ringing")));
    }

    /** The Dial to the business's phone ended with {@code dialCallStatus}. */
    public WebhookResponse dialEnded(String dialCallStatus) {
      Map<String, String> p = base("in-progress");
      p.put("DialCallStatus", dialCallStatus);
      p.put("DialCallSid", "CA" + HexFormat.of().formatHex(randomBytes(16)));
      p.put("DialCallDuration", "completed".equals(dialCallStatus) ? "42" : "0");
      p.put("DialBridged", Boolean.toString("completed".equals(dialCallStatus)));
      return post("/webhooks/twilio/voice/dial-status", documented("voice.dial-action", p));
    }

    /** Rings out with no answer: the business missed it. */
    public WebhookResponse missed() {
      rings();
      return dialEnded("no-answer");
    }

    /** The caller hangs up while the greeting plays: only the call's status callback tells us. */
    public WebhookResponse hangsUpAtGreeting() {
      return ends(25);
    }

    /** The call's status callback: the call ended after {@code seconds}. */
    public WebhookResponse ends(int seconds) {
      Map<String, String> p = base("completed");
      p.put("CallDuration", Integer.toString(seconds));
      return post("/webhooks/twilio/voice/status", documented("voice.call-status", p));
    }

    /**
     * The caller leaves a voicemail of {@code seconds} and hangs up: the Record action, the call's
     * end, then the recording status callback (which carries no To or From).
     */
    public WebhookResponse leavesVoicemail(int seconds) {
      String recordingSid = newRecordingSid();
      WebhookResponse response = recordingEnds(recordingSid, seconds, true);
      ends(seconds + 25);
      recordingStatus(recordingSid, "completed", seconds);
      return response;
    }

    public String newRecordingSid() {
      return "RE" + HexFormat.of().formatHex(randomBytes(16));
    }

    /** The Record action: the recording ended ({@code hungUp}: Digits=hangup). */
    public WebhookResponse recordingEnds(String recordingSid, int seconds, boolean hungUp) {
      Map<String, String> p = base(hungUp ? "completed" : "in-progress");
      p.put("RecordingUrl", recordingUrl(recordingSid));
      p.put("RecordingDuration", Integer.toString(seconds));
      if (hungUp) {
        p.put("Digits", "hangup");
      }
      return post("/webhooks/twilio/voice/recording", documented("voice.record-action", p));
    }

    /** The Record verb's recordingStatusCallback: exactly the parameters Twilio documents for it. */
    public WebhookResponse recordingStatus(String recordingSid, String status, int seconds) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("AccountSid", TwilioFake.ACCOUNT_SID);
      p.put("CallSid", callSid);
      p.put("RecordingSid", recordingSid);
      p.put("RecordingUrl", recordingUrl(recordingSid));
      p.put("RecordingStatus", status);
      p.put("RecordingDuration", Integer.toString(seconds));
      p.put("RecordingChannels", "1");
      p.put("RecordingSource", "RecordVerb");
      return post("/webhooks/twilio/voice/recording", documented("voice.recording-status", p));
    }

    private static String recordingUrl(String recordingSid) {
      return "https://api.twilio.com/2010-04-01/Accounts/" + TwilioFake.ACCOUNT_SID + "/Recordings/" + recordingSid;
    }
  }
}
