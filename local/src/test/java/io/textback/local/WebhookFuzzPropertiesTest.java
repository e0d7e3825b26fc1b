package io.textback.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.textback.connector.hubspot.signature.HubSpotSignature;
import io.textback.testkit.TwilioPhone;
import io.textback.testkit.WebhookResponse;
import io.textback.worker.form.FormSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import io.textback.testkit.contract.ContractViolations;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real webhook payloads (Twilio voice and SMS, web forms, HubSpot), mutated at random: whatever
 * arrives, the worker answers with a 2xx or a 4xx, never a 500; and whatever the body, a request
 * without a valid signature is refused and stores nothing, so it can start no journey.
 */
class WebhookFuzzPropertiesTest {
  static final String BUSINESS_NUMBER = LocalStack.DEMO_TWILIO_NUMBER;
  static LocalStack stack;
  static TwilioPhone phone;
  static JdbcClient jdbc;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeContainer
  static void start() throws Exception {
    RunningStack running = RunningStack.start(Map.of());
    stack = running.stack();
    phone = running.phone();
    jdbc = running.jdbc();
  }

  /** jqwik runs outside JUnit Jupiter's extensions: the vendors' contracts are checked here. */
  @AfterProperty
  void noRequestOutsideTheVendorsContracts() {
    ContractViolations.assertNone("during this property");
  }

  @AfterContainer
  static void stop() throws Exception {
    stack.close();
  }

  /** A Twilio webhook: its path and a real payload. */
  record TwilioHook(String path, Map<String, String> params) {}

  /** One random change: drop a field, replace a value, or add a field. */
  record Mutation(int op, int field, String value) {}

  static List<TwilioHook> realTwilioHooks() {
    Map<String, String> call = new LinkedHashMap<>();
    call.put("AccountSid", "AC00000000000000000000000000000001");
    call.put("CallSid", "CA" + "0123456789abcdef0123456789abcdef");
    call.put("CallStatus", "ringing");
    call.put("Direction", "inbound");
    call.put("From", "+15557770101");
    call.put("To", BUSINESS_NUMBER);
    call.put("ApiVersion", "2010-04-01");
    call.put("CallToken", "0123456789abcdef0123456789abcdef0123456789abcdef");
    Map<String, String> dial = new LinkedHashMap<>(call);
    dial.put("CallStatus", "in-progress");
    dial.put("DialCallStatus", "no-answer");
    dial.put("DialCallSid", "CAfedcba9876543210fedcba9876543210");
    dial.put("DialCallDuration", "0");
    Map<String, String> recording = new LinkedHashMap<>(call);
    recording.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1");
    recording.put("RecordingDuration", "20");
    recording.put("Digits", "hangup");
    Map<String, String> status = new LinkedHashMap<>(call);
    status.put("CallStatus", "completed");
    status.put("CallDuration", "25");
    Map<String, String> sms = new LinkedHashMap<>();
    sms.put("AccountSid", "AC00000000000000000000000000000001");
    sms.put("MessageSid", "SM0123456789abcdef0123456789abcdef");
    sms.put("From", "+15557770101");
    sms.put("To", BUSINESS_NUMBER);
    sms.put("Body", "Hi, can someone come today?");
    sms.put("NumMedia", "0");
    sms.put("SmsSid", "SM0123456789abcdef0123456789abcdef");
    sms.put("SmsMessageSid", "SM0123456789abcdef0123456789abcdef");
    sms.put("NumSegments", "1");
    Map<String, String> delivery = new LinkedHashMap<>();
    delivery.put("AccountSid", "AC00000000000000000000000000000001");
    delivery.put("MessageSid", "SMfedcba9876543210fedcba9876543210");
    delivery.put("MessageStatus", "undelivered");
    delivery.put("ErrorCode", "30006");
    delivery.put("SmsSid", "SMfedcba9876543210fedcba9876543210");
    delivery.put("SmsStatus", "undelivered");
    delivery.put("From", BUSINESS_NUMBER);
    // Twilio's recordingStatusCallback: no To, no From (matched to the call by CallSid).
    Map<String, String> recordingStatus = new LinkedHashMap<>();
    recordingStatus.put("AccountSid", "AC00000000000000000000000000000001");
    recordingStatus.put("CallSid", call.get("CallSid"));
    recordingStatus.put("RecordingSid", "RE0123456789abcdef0123456789abcdef");
    recordingStatus.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE0123456789abcdef0123456789abcdef");
    recordingStatus.put("RecordingStatus", "completed");
    recordingStatus.put("RecordingDuration", "20");
    recordingStatus.put("RecordingChannels", "1");
    recordingStatus.put("RecordingSource", "RecordVerb");
    return List.of(new TwilioHook("/webhooks/twilio/voice", call), new TwilioHook("/webhooks/twilio/voice/dial-status", dial),
        new TwilioHook("/webhooks/twilio/voice/recording", recording), new TwilioHook("/webhooks/twilio/voice/status", status),
        new TwilioHook("/webhooks/twilio/sms", sms), new TwilioHook("/webhooks/twilio/sms/status", delivery),
        new TwilioHook("/webhooks/twilio/voice/recording", recordingStatus));
  }

  @Provide
  Arbitrary<String> nastyValues() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(25).map(d -> "+" + d),
        Arbitraries.of("", " ", "null", "-1", "99999999999999999999", "STOP", "stop ", "HELP", "START", "no-answer",
            "completed", "busy", "failed", "canceled", "undelivered", "30003", "anonymous", "+1", "+15550100000",
            "%00", "\u0000", "é😀", "<Response/>", "{\"a\":1}", "NaN", "1e999"),
        Arbitraries.strings().ofLength(5000));
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 20), nastyValues())
        .as(Mutation::new).list().ofMinSize(1).ofMaxSize(5);
  }

  static Map<String, String> mutate(Map<String, String> real, List<Mutation> mutations) {
    Map<String, String> params = new LinkedHashMap<>(real);
    for (Mutation m : mutations) {
      List<String> keys = new ArrayList<>(params.keySet());
      String key = keys.isEmpty() ? "X" : keys.get(m.field() % keys.size());
      switch (m.op()) {
        case 0 -> params.remove(key);
        case 1 -> params.put(key, m.value());
        default -> params.put("Extra" + m.field(), m.value());
      }
    }
    return params;
  }

  static long storedEvents() {
    return jdbc.sql("select count(*) from inbound_event").query(Long.class).single();
  }

  @Property(tries = 300)
  void signedTwilioWebhooks_withAnyContent_areNever500(@ForAll("mutations") List<Mutation> mutations,
      @ForAll("hookIndex") int hook) {
    TwilioHook real = realTwilioHooks().get(hook);
    WebhookResponse response = phone.post(real.path(), mutate(real.params(), mutations));
    assertThat(response.status()).as(real.path() + " answered " + response.body()).isBetween(200, 499);
  }

  @Property(tries = 100)
  void twilioWebhooksWithoutAValidSignature_areRefusedAndStoreNothing(@ForAll("mutations") List<Mutation> mutations,
      @ForAll("hookIndex") int hook, @ForAll("badSignatures") String signature) {
    TwilioHook real = realTwilioHooks().get(hook);
    long before = storedEvents();
    WebhookResponse response = phone.post(real.path(), mutate(real.params(), mutations), signature);
    // 403 for the signature; 400 first when a value carries a NUL character
    assertThat(response.status()).as(real.path() + " answered " + response.body()).isIn(400, 403);
    assertThat(storedEvents()).as("nothing stored, so no journey").isEqualTo(before);
  }

  @Provide
  Arbitrary<Integer> hookIndex() {
    return Arbitraries.integers().between(0, realTwilioHooks().size() - 1);
  }

  @Provide
  Arbitrary<String> badSignatures() {
    return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.just(""),
        Arbitraries.strings().alpha().numeric().ofLength(28).map(s -> s + "="),
        Arbitraries.strings().withCharRange('!', '~').ofMaxLength(60));
  }

  // ---- web forms and HubSpot: JSON bodies, mutated character by character

  static final String REAL_FORM = """
      {"submissionId":"fuzz-1","name":"Ann Lee","phone":"(555) 777-0102","email":"ann@example.com",\
      "message":"Leaking water heater","source":"Website","consent":true}""";
  static final String REAL_HUBSPOT_BATCH = """
      [{"eventId":101,"subscriptionId":7,"portalId":62515,"appId":7,"occurredAt":1764410000000,\
      "subscriptionType":"object.propertyChange","attemptNumber":0,"objectId":900,"propertyName":"dealstage",\
      "propertyValue":"closedwon","changeSource":"CRM_UI"}]""";

  /** One change to a body: delete, insert or replace characters at a position. */
  record Edit(int op, int position, String text) {}

  @Provide
  Arbitrary<List<Edit>> edits() {
    return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 400),
            Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(8),
                Arbitraries.of("\"", "{", "}", "[", "]", ",", ":", "null", "\\", "\\u0000", "1e999", "-", "true")))
        .as(Edit::new).list().ofMinSize(1).ofMaxSize(6);
  }

  static String edit(String body, List<Edit> edits) {
    StringBuilder b = new StringBuilder(body);
    for (Edit e : edits) {
      int at = b.isEmpty() ? 0 : e.position() % (b.length() + 1);
      switch (e.op()) {
        case 0 -> b.delete(at, Math.min(b.length(), at + Math.max(1, e.text().length())));
        case 1 -> b.insert(at, e.text());
        default -> b.replace(at, Math.min(b.length(), at + e.text().length()), e.text());
      }
    }
    return b.toString();
  }

  static HttpResponse<String> post(String path, String body, String contentType, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.workerUrl() + path))
        .timeout(Duration.ofSeconds(15)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String formPath() {
    return "/webhooks/forms/" + LocalStack.DEMO_BUSINESS;
  }

  @Property(tries = 150)
  void signedWebForms_withAnyBody_areNever500(@ForAll("edits") List<Edit> edits) throws Exception {
    String body = edit(REAL_FORM, edits);
    HttpResponse<String> response = post(formPath(), body, "application/json", Map.of(FormSignature.HEADER,
        FormSignature.sign(LocalStack.DEMO_FORM_SECRET, body.getBytes(StandardCharsets.UTF_8))));
    assertThat(response.statusCode()).as("form answered " + response.body()).isBetween(200, 499);
  }

  @Property(tries = 60)
  void webFormsSignedWithAnythingElse_areRefusedAndStoreNothing(@ForAll("edits") List<Edit> edits,
      @ForAll("badSignatures") String signature) throws Exception {
    String body = edit(REAL_FORM, edits);
    long before = storedEvents();
    Map<String, String> headers = signature == null ? Map.of() : Map.of(FormSignature.HEADER, signature);
    HttpResponse<String> response = post(formPath(), body, "application/json", headers);
    assertThat(response.statusCode()).as("form answered " + response.body()).isIn(400, 403, 413);
    assertThat(storedEvents()).isEqualTo(before);
  }

  static Map<String, String> hubspotHeaders(String secret, String path, String body) {
    long now = System.currentTimeMillis();
    return Map.of(HubSpotSignature.HEADER, HubSpotSignature.v3(secret, "POST", stack.publicBaseUrl() + path, body, now),
        HubSpotSignature.TIMESTAMP_HEADER, Long.toString(now));
  }

  @Property(tries = 150)
  void signedHubSpotWebhooks_withAnyBody_areNever500(@ForAll("edits") List<Edit> edits,
      @ForAll boolean channel) throws Exception {
    String path = channel ? "/webhooks/hubspot/channel" : "/webhooks/hubspot";
    String body = edit(REAL_HUBSPOT_BATCH, edits);
    HttpResponse<String> response = post(path, body, "application/json",
        hubspotHeaders(LocalStack.LOCAL_APP_SECRET, path, body));
    assertThat(response.statusCode()).as(path + " answered " + response.body()).isBetween(200, 499);
  }

  @Property(tries = 60)
  void hubSpotWebhooksSignedWithAnotherSecret_areRefusedAndStoreNothing(@ForAll("edits") List<Edit> edits,
      @ForAll boolean channel) throws Exception {
    String path = channel ? "/webhooks/hubspot/channel" : "/webhooks/hubspot";
    String body = edit(REAL_HUBSPOT_BATCH, edits);
    long before = storedEvents();
    HttpResponse<String> response = post(path, body, "application/json", hubspotHeaders("not-the-secret", path, body));
    assertThat(response.statusCode()).as(path + " answered " + response.body()).isIn(400, 401);
    assertThat(storedEvents()).isEqualTo(before);
  }
}
