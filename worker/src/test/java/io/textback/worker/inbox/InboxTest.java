package io.textback.worker.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.testkit.TwilioPhone;
import io.textback.worker.form.FormSignature;
import io.textback.worker.support.WorkerIntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The inbox a business with no CRM (Cool Air HVAC) answers its leads in: a missed call's thread
 * appears, the lead's text reaches an open page as an event, the answer goes once and counts as the
 * response, and the thread holds every call, voicemail, text and its delivery status.
 */
class InboxTest extends WorkerIntegrationTest {
  static final String COOL_AIR = "+15550200000";
  static final ObjectMapper JSON = new ObjectMapper();
  @Autowired InboxStream stream;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  JsonNode get(String path) throws Exception {
    HttpResponse<String> response = api("GET", path, null);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  JsonNode inbox(String business, String q) throws Exception {
    return get("/api/inbox?business=" + business + (q == null ? "" : "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
  }

  static List<JsonNode> items(JsonNode inbox, String group) {
    return StreamSupport.stream(inbox.get(group).spliterator(), false).toList();
  }

  static JsonNode find(JsonNode inbox, String group, String phone) {
    return items(inbox, group).stream().filter(i -> i.get("phone").asText().equals(phone)).findFirst().orElse(null);
  }

  long conversationOf(String business, String phone) {
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from conversation where business_id = :b"
        + " and phone = :p and state = 'OPEN'").param("b", business).param("p", phone).query(Long.class).single() == 1);
    return jdbc.sql("select id from conversation where business_id = :b and phone = :p and state = 'OPEN'")
        .param("b", business).param("p", phone).query(Long.class).single();
  }

  static String leadPath(String leadKey) {
    return "/api/conversations/" + URLEncoder.encode(leadKey, StandardCharsets.UTF_8);
  }

  /** The events an open inbox page hears, as they arrive. */
  List<String> listen(String business) {
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/inbox/stream?business=" + business)).header("Authorization", ADMIN_AUTH).build(),
        HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(lines::add));
    await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event:ready"));
    return lines;
  }

  @Test
  void aMissedCallsThread_showsTheLeadsText_live_andTheAnswerGoesOnce_andCountsAsTheResponse() throws Exception {
    String caller = newCaller();
    missedAndTextedBack(caller, COOL_AIR);
    long id = conversationOf("cool-air", caller);
    JsonNode before = inbox("cool-air", null);
    assertThat(find(before, "open", caller)).as("the new conversation, not yet waiting").isNotNull();
    assertThat(before.get("responseSlaSeconds").asLong()).isEqualTo(300);

    List<String> events = listen("cool-air");
    phone().text(caller, COOL_AIR, "Can you come today? The AC is out");
    await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("data:{\"conversationId\":" + id + "}"));

    JsonNode waiting = find(inbox("cool-air", null), "waiting", caller);
    assertThat(waiting).as("the lead waits for the business").isNotNull();
    assertThat(waiting.get("lastText").asText()).isEqualTo("Can you come today? The AC is out");
    assertThat(waiting.get("slaSeconds").asLong()).isEqualTo(300);
    assertThat(waiting.get("waitingSeconds").asLong()).isBetween(0L, 60L);
    assertThat(waiting.get("overdue").asBoolean()).isFalse();

    JsonNode thread = get("/api/inbox/" + id);
    assertThat(thread.get("canReply").asBoolean()).isTrue();
    List<String> entries = new ArrayList<>();
    thread.get("entries").forEach(e -> entries.add(e.get("type").asText() + "/" + e.path("direction").asText()
        + "/" + e.path("kind").asText()));
    assertThat(entries).containsSubsequence("call/IN/null", "text/OUT/text-back", "text/IN/reply");
    JsonNode textBack = StreamSupport.stream(thread.get("entries").spliterator(), false)
        .filter(e -> "text-back".equals(e.path("kind").asText())).findFirst().orElseThrow();
    assertThat(textBack.get("delivery").asText()).isNotBlank();

    String leadKey = waiting.get("leadKey").asText();
    String answer = "{\"body\":\"We can be there at 3pm.\",\"agent\":\"console\"}";
    HttpRequest.Builder reply = HttpRequest.newBuilder(URI.create("http://localhost:" + port + leadPath(leadKey) + "/replies"))
        .header("Authorization", ADMIN_AUTH).header("Content-Type", "application/json").header("Idempotency-Key", "tap-1")
        .POST(HttpRequest.BodyPublishers.ofString(answer));
    // a dispatcher on a bad connection taps Send twice: one text
    assertThat(HttpClient.newHttpClient().send(reply.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
    assertThat(HttpClient.newHttpClient().send(reply.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(5)).until(() -> twilio().sentTo(caller).size() == 2);
    assertThat(twilio().sentTo(caller).get(1).body()).isEqualTo("We can be there at 3pm.");

    JsonNode after = inbox("cool-air", null);
    assertThat(find(after, "waiting", caller)).isNull();
    assertThat(find(after, "open", caller).get("lastDirection").asText()).isEqualTo("OUT");
    await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("select count(*) from journey_event e join conversation c"
        + " on c.journey_key = e.journey_key where c.id = :id and e.kind = 'human_reply'").param("id", id)
        .query(Long.class).single() == 1);
    Thread.sleep(300); // a second send would have gone by now
    assertThat(twilio().sentTo(caller)).hasSize(2);
  }

  @Test
  void aThread_holdsTheRepeatCallAndItsVoicemail_withTheRecordingLink() throws Exception {
    String caller = newCaller();
    missedAndTextedBack(caller, COOL_AIR);
    long id = conversationOf("cool-air", caller);
    TwilioPhone.Call again = phone().call(caller, COOL_AIR);
    again.missed();
    again.leavesVoicemail(12);
    // the same callbacks again, as Twilio retries them: one call, one voicemail
    again.dialEnded("no-answer");

    await().atMost(Duration.ofSeconds(10)).until(() -> {
      JsonNode t = get("/api/inbox/" + id);
      return types(t).contains("call-again") && types(t).contains("voicemail");
    });
    JsonNode thread = get("/api/inbox/" + id);
    assertThat(types(thread).stream().filter("call-again"::equals)).hasSize(1);
    JsonNode voicemail = StreamSupport.stream(thread.get("entries").spliterator(), false)
        .filter(e -> e.get("type").asText().equals("voicemail")).findFirst().orElseThrow();
    assertThat(voicemail.get("link").asText()).startsWith("https://api.twilio.com/2010-04-01/Accounts/");
    assertThat(voicemail.get("text").asText()).isEqualTo("Voicemail, 12 s");
    assertThat(thread.get("conversation").get("repeatCalls").asInt()).isEqualTo(1);
    assertThat(twilio().sentTo(caller)).as("no second text-back").hasSize(1);
    // the journeys list counts the call too, and links the journey to its thread
    JsonNode journey = StreamSupport.stream(get("/api/journeys?business=cool-air&limit=500").spliterator(), false)
        .filter(j -> j.path("conversationId").asLong() == id).findFirst().orElseThrow();
    assertThat(journey.get("repeatCalls").asInt()).isEqualTo(1);
  }

  static List<String> types(JsonNode thread) {
    List<String> out = new ArrayList<>();
    thread.get("entries").forEach(e -> out.add(e.get("type").asText()));
    return out;
  }

  @Test
  void markedBooked_closesTheConversationOnce_andTheReplyBoxSaysWhy() throws Exception {
    String caller = newCaller();
    missedAndTextedBack(caller, COOL_AIR);
    long id = conversationOf("cool-air", caller);
    String leadKey = "cool-air:" + caller;

    HttpResponse<String> paused = api("POST", leadPath(leadKey) + "/automation", "{\"paused\":true}");
    assertThat(paused.statusCode()).isEqualTo(200);
    assertThat(get("/api/inbox/" + id).get("conversation").get("paused").asBoolean()).isTrue();
    assertThat(api("POST", leadPath(leadKey) + "/automation", "{}").statusCode()).isEqualTo(422);

    assertThat(JSON.readTree(api("POST", leadPath(leadKey) + "/booked", null).body()).get("duplicate").asBoolean()).isFalse();
    await().atMost(Duration.ofSeconds(10)).until(() -> "closed".equals(get("/api/inbox/" + id).get("conversation")
        .get("status").asText()));
    JsonNode thread = get("/api/inbox/" + id);
    assertThat(thread.get("conversation").get("outcome").asText()).isEqualTo("Booked");
    assertThat(thread.get("canReply").asBoolean()).isFalse();
    assertThat(thread.get("cannotReplyWhy").asText()).contains("closed").contains("Booked");
    assertThat(api("POST", leadPath(leadKey) + "/booked", null).statusCode()).as("nothing open to book").isEqualTo(404);
    assertThat(find(inbox("cool-air", null), "closed", caller)).isNotNull();
  }

  @Test
  void aLeadWhoOptedOut_cannotBeAnswered_andTheThreadSaysSo() throws Exception {
    String caller = newCaller();
    missedAndTextedBack(caller, COOL_AIR);
    long id = conversationOf("cool-air", caller);
    phone().text(caller, COOL_AIR, "STOP");
    await().atMost(Duration.ofSeconds(10)).until(() -> !get("/api/inbox/" + id).get("canReply").asBoolean());
    assertThat(get("/api/inbox/" + id).get("cannotReplyWhy").asText()).contains("opted out");
    HttpResponse<String> refused = api("POST", leadPath("cool-air:" + caller) + "/replies", "{\"body\":\"Still there?\"}");
    assertThat(refused.statusCode()).isBetween(400, 499);
    assertThat(twilio().sentTo(caller)).hasSize(1);
  }

  @Test
  void theInbox_isSearchedByNumberOrByTheNameAFormGave() throws Exception {
    String lead = newCaller();
    String form = "{\"submissionId\":\"" + UUID.randomUUID() + "\",\"name\":\"Zelda Quist\",\"phone\":\"" + lead
        + "\",\"message\":\"Furnace noise\",\"consent\":true}";
    HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
            + port + "/webhooks/forms/demo-plumbing")).header("Content-Type", "application/json")
        .header(FormSignature.HEADER, FormSignature.sign(FORM_SECRET, form.getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).isEqualTo(202);
    long id = conversationOf("demo-plumbing", lead);

    JsonNode byName = inbox("demo-plumbing", "zelda");
    assertThat(items(byName, "open")).extracting(i -> i.get("conversationId").asLong()).containsExactly(id);
    assertThat(items(byName, "open").get(0).get("name").asText()).isEqualTo("Zelda Quist");
    String formatted = "(" + lead.substring(2, 5) + ") " + lead.substring(5, 8) + "-" + lead.substring(8);
    assertThat(items(inbox("demo-plumbing", formatted), "open")).extracting(i -> i.get("phone").asText()).containsExactly(lead);
    assertThat(types(get("/api/inbox/" + id))).first().isEqualTo("form");
    assertThat(get("/api/inbox/" + id).get("entries").get(0).get("text").asText()).isEqualTo("Web form: Furnace noise");
    // another business's inbox does not hold it; a wildcard is a character, not "everything"
    assertThat(items(inbox("cool-air", "zelda"), "open")).isEmpty();
    assertThat(items(inbox("demo-plumbing", "%"), "open")).isEmpty();
    assertThat(api("GET", "/api/inbox/999999999", null).statusCode()).isEqualTo(404);
    assertThat(api("GET", "/api/inbox?business=nobody", null).statusCode()).isEqualTo(404);
  }
}
