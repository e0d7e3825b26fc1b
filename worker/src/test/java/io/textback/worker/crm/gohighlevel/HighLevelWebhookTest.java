package io.textback.worker.crm.gohighlevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.textback.connector.gohighlevel.signature.HighLevelSignature;
import io.textback.testkit.TwilioPhone.Call;
import io.textback.worker.support.TestInfrastructure;
import io.textback.worker.support.WorkerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What HighLevel tells textback: a booked opportunity or appointment, a reply typed in its inbox, do-not-disturb. */
class HighLevelWebhookTest extends WorkerIntegrationTest {
  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  @BeforeEach
  void appInstalled() throws Exception {
    if (jdbc.sql("select count(*) from crm_oauth_token where account_id = 'loc-summit'").query(Integer.class).single() == 0) {
      assertThat(get("/webhooks/gohighlevel/oauth?code=" + highLevel().authorizationCode("loc-summit")).statusCode())
          .isEqualTo(200);
    }
  }

  HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body, String rsaSignature) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (rsaSignature != null) {
      request.header(HighLevelSignature.RSA_HEADER, rsaSignature);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** As HighLevel sends an app webhook: signed with its key, stamped now, with a webhookId of its own. */
  HttpResponse<String> fromHighLevel(String eventJson) throws Exception {
    String body = eventJson.replaceFirst("\\{", "{\"timestamp\":\"" + Instant.now() + "\",\"webhookId\":\""
        + UUID.randomUUID() + "\",");
    return post("/webhooks/gohighlevel", body, sign(body));
  }

  static String sign(String body) {
    return HighLevelSignature.sign(TestInfrastructure.HIGHLEVEL_WEBHOOK_KEY.getPrivate(), body.getBytes(StandardCharsets.UTF_8));
  }

  /** A texted caller of Summit HVAC with its contact and opportunity in HighLevel. */
  Map<String, String> textedCaller(String caller) {
    Call call = phone().call(caller, SUMMIT_NUMBER);
    call.missed();
    call.hangsUpAtGreeting();
    String opportunity = await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
        "select deal_id from crm_deal where crm = 'gohighlevel' and lead_key = :k").param("k", "summit-hvac:" + caller)
        .query(String.class).optional().orElse(null), id -> id != null);
    String contact = jdbc.sql("select external_id from crm_record where crm = 'gohighlevel' and record_key = :k")
        .param("k", "contact:" + caller).query(String.class).single();
    await().atMost(Duration.ofSeconds(10)).until(() -> engine().isWaitingFor("lead-replied", "summit-hvac:" + caller));
    return Map.of("opportunity", opportunity, "contact", contact);
  }

  String outcome(String caller) {
    return jdbc.sql("select outcome from conversation where phone = :p order by id desc limit 1").param("p", caller)
        .query(String.class).optional().orElse(null);
  }

  @Test
  void anOpportunityThatReachesTheBookedStage_endsTheConversationAsBooked_once() throws Exception {
    String caller = newCaller();
    String opportunity = textedCaller(caller).get("opportunity");
    String other = "{\"type\":\"OpportunityStageUpdate\",\"locationId\":\"loc-summit\",\"id\":\"%s\",\"pipelineId\":\"pipe-summit\","
        + "\"pipelineStageId\":\"%s\",\"status\":\"open\",\"monetaryValue\":0}";

    HttpResponse<String> notYet = fromHighLevel(other.formatted(opportunity, "stage-quoted"));
    assertThat(notYet.statusCode()).isEqualTo(200);
    assertThat(notYet.body()).contains("not booked");
    String booked = other.formatted(opportunity, "stage-booked").replaceFirst("\\{", "{\"timestamp\":\"" + Instant.now()
        + "\",\"webhookId\":\"wh-" + UUID.randomUUID() + "\",");
    assertThat(post("/webhooks/gohighlevel", booked, sign(booked)).body()).contains("\"outcome\":\"booked\"");

    await().atMost(Duration.ofSeconds(10)).until(() -> "Booked".equals(outcome(caller)));
    assertThat(post("/webhooks/gohighlevel", booked, sign(booked)).statusCode()).as("a repeat is dropped").isEqualTo(200);
  }

  @Test
  void anAppointmentBookedForTheLead_endsTheConversationAsBooked() throws Exception {
    String caller = newCaller();
    String contact = textedCaller(caller).get("contact");

    HttpResponse<String> answer = fromHighLevel(("{\"type\":\"AppointmentCreate\",\"locationId\":\"loc-summit\","
        + "\"appointment\":{\"id\":\"appt-1\",\"calendarId\":\"cal-1\",\"contactId\":\"%s\",\"appointmentStatus\":\"confirmed\","
        + "\"startTime\":\"2026-12-03T15:00:00-05:00\",\"endTime\":\"2026-12-03T16:00:00-05:00\"}}").formatted(contact));

    assertThat(answer.body()).contains("booked");
    await().atMost(Duration.ofSeconds(10)).until(() -> "Booked".equals(outcome(caller)));
  }

  @Test
  void aReplyTypedInHighLevelsInbox_isTextedOnce_andItsStatusSet() throws Exception {
    String caller = newCaller();
    String contact = textedCaller(caller).get("contact");
    Map<String, Object> typed = highLevel().agentTypes("loc-summit", contact, "prov-sms", "We can come at 3pm today.");
    // ProviderOutboundMessage, unsigned as HighLevel's provider deliveries may be
    String delivery = ("{\"contactId\":\"%s\",\"locationId\":\"loc-summit\",\"messageId\":\"%s\",\"type\":\"SMS\","
        + "\"phone\":\"%s\",\"message\":\"We can come at 3pm today.\",\"attachments\":[],\"userId\":\"user-dispatch\"}")
        .formatted(contact, typed.get("id"), caller);

    assertThat(post("/webhooks/gohighlevel/delivery", delivery, null).statusCode()).isEqualTo(200);
    assertThat(post("/webhooks/gohighlevel/delivery", delivery, null).statusCode()).as("delivered twice").isEqualTo(200);

    await().atMost(Duration.ofSeconds(10)).until(() -> twilio().sentTo(caller).size() == 2);
    assertThat(twilio().sentTo(caller).get(1).body()).isEqualTo("We can come at 3pm today.");
    await().atMost(Duration.ofSeconds(10)).until(() -> "delivered".equals(highLevel().wireMock().getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().equals("/conversations/messages/" + typed.get("id") + "/status"))
        .findFirst().map(e -> e.getRequest().getBodyAsString().contains("delivered") ? "delivered" : "other").orElse(null)));
    await().atMost(Duration.ofSeconds(10)).until(() -> !engine().isWaitingFor("agent-replied", "summit-hvac:" + caller));
    Thread.sleep(300);
    assertThat(twilio().sentTo(caller)).hasSize(2);
  }

  @Test
  void aForgedDelivery_textsNobody_andAForgedNumber_isNotTheOneTexted() throws Exception {
    String caller = newCaller();
    String contact = textedCaller(caller).get("contact");
    String stranger = newCaller();

    HttpResponse<String> unknown = post("/webhooks/gohighlevel/delivery", ("{\"contactId\":\"%s\",\"locationId\":\"loc-summit\","
        + "\"messageId\":\"msg-made-up\",\"type\":\"SMS\",\"phone\":\"%s\",\"message\":\"Send money\"}").formatted(contact, stranger), null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("HighLevel has no message msg-made-up");

    Map<String, Object> typed = highLevel().agentTypes("loc-summit", contact, "prov-sms", "See you at 3.");
    HttpResponse<String> redirected = post("/webhooks/gohighlevel/delivery", ("{\"contactId\":\"%s\",\"locationId\":\"loc-summit\","
        + "\"messageId\":\"%s\",\"type\":\"SMS\",\"phone\":\"%s\",\"message\":\"See you at 3.\"}")
        .formatted(contact, typed.get("id"), stranger), null);
    assertThat(redirected.statusCode()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(10)).until(() -> twilio().sentTo(caller).size() == 2);
    assertThat(twilio().sentTo(stranger)).as("the payload's phone is not who is texted").isEmpty();
    HttpResponse<String> otherLocation = post("/webhooks/gohighlevel/delivery", ("{\"contactId\":\"%s\",\"locationId\":\"loc-nobody\","
        + "\"messageId\":\"%s\",\"type\":\"SMS\",\"message\":\"hi\"}").formatted(contact, typed.get("id")), null);
    assertThat(otherLocation.statusCode()).isEqualTo(404);
  }

  @Test
  void aContactSetToDoNotDisturbInHighLevel_isNeverTextedAgain() throws Exception {
    String caller = newCaller();
    String contact = textedCaller(caller).get("contact");

    HttpResponse<String> answer = fromHighLevel(("{\"type\":\"ContactDndUpdate\",\"locationId\":\"loc-summit\",\"id\":\"%s\","
        + "\"phone\":\"%s\",\"dnd\":false,\"dndSettings\":{\"SMS\":{\"status\":\"active\",\"message\":\"Asked by phone\",\"code\":\"\"}}}")
        .formatted(contact, caller));

    assertThat(answer.body()).contains("opted out");
    await().atMost(Duration.ofSeconds(10)).until(() -> "Opted out".equals(outcome(caller)));
    Call again = phone().call(caller, SUMMIT_NUMBER);
    again.missed();
    again.hangsUpAtGreeting();
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from journey_event where kind = 'not_texted' "
        + "and reason = 'opted_out' and journey_key = :k").param("k", again.callSid()).query(Integer.class).single() == 1);
    assertThat(twilio().sentTo(caller)).hasSize(1);
  }

  @Test
  void aStopTextedToTextback_setsTheContactsDoNotDisturbInHighLevel_andAStartClearsIt() {
    String caller = newCaller();
    String contact = textedCaller(caller).get("contact");

    phone().text(caller, SUMMIT_NUMBER, "STOP");
    await().atMost(Duration.ofSeconds(15)).until(() -> dndOf(contact).equals("active"));
    phone().text(caller, SUMMIT_NUMBER, "START");
    await().atMost(Duration.ofSeconds(15)).until(() -> dndOf(contact).equals("inactive"));
  }

  @SuppressWarnings("unchecked")
  String dndOf(String contactId) {
    return highLevel().contact(contactId).map(c -> (Map<String, Object>) c.get("dndSettings"))
        .map(d -> (Map<String, Object>) d.get("SMS")).map(sms -> String.valueOf(sms.get("status"))).orElse("none");
  }

  @Test
  void unsignedWronglySignedOrStaleAppWebhooks_are401WithTheReason() throws Exception {
    String body = "{\"type\":\"ContactCreate\",\"locationId\":\"loc-summit\",\"webhookId\":\"wh-x\",\"timestamp\":\""
        + Instant.now() + "\"}";
    String stale = "{\"type\":\"ContactCreate\",\"locationId\":\"loc-summit\",\"webhookId\":\"wh-y\",\"timestamp\":\""
        + Instant.now().minusSeconds(301) + "\"}";

    assertThat(post("/webhooks/gohighlevel", body, sign(body)).statusCode()).isEqualTo(200);
    HttpResponse<String> missing = post("/webhooks/gohighlevel", body, null);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.body()).contains("not signed by HighLevel");
    assertThat(post("/webhooks/gohighlevel", body.replace("ContactCreate", "ContactDelete"), sign(body)).body())
        .contains("x-wh-signature does not match the body");
    HttpResponse<String> replayed = post("/webhooks/gohighlevel", stale, sign(stale));
    assertThat(replayed.statusCode()).isEqualTo(401);
    assertThat(replayed.body()).contains("more than 5 minutes old");
  }

  @Test
  void badBodiesAre400NotA500() throws Exception {
    assertThat(post("/webhooks/gohighlevel", "not json", sign("not json")).statusCode()).isEqualTo(400);
    String noId = "{\"type\":\"ContactCreate\",\"locationId\":\"loc-summit\"}";
    HttpResponse<String> answer = post("/webhooks/gohighlevel", noId, sign(noId));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("webhookId is required");
    HttpResponse<String> delivery = post("/webhooks/gohighlevel/delivery", "{\"type\":\"SMS\"}", null);
    assertThat(delivery.statusCode()).isEqualTo(400);
    assertThat(delivery.body()).contains("messageId, locationId, contactId and message are required");
  }

  @Test
  void aStaleLocationToken_isRefreshedOnce_whenSixWorkersAskAtOnce() throws Exception {
    jdbc.sql("update crm_oauth_token set expires_at = now() + interval '1 minute' where account_id = 'loc-summit'").update();
    String before = jdbc.sql("select refresh_token from crm_oauth_token where account_id = 'loc-summit'").query(String.class).single();
    long refreshesBefore = refreshes();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    var tokens = new java.util.concurrent.ConcurrentLinkedQueue<String>();
    for (int i = 0; i < 6; i++) {
      // each worker has its own HighLevelTokens (and its own minute of kept token); they share PostgreSQL
      HighLevelTokens worker = new HighLevelTokens(store, properties, settings, java.time.Clock.systemUTC());
      pool.submit(() -> tokens.add(worker.accessToken("loc-summit")));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    assertThat(refreshes() - refreshesBefore).isEqualTo(1);
    assertThat(tokens).hasSize(6).containsOnly(tokens.peek());
    assertThat(jdbc.sql("select refresh_token from crm_oauth_token where account_id = 'loc-summit'").query(String.class).single())
        .as("HighLevel's new refresh token is kept").isNotEqualTo(before);
  }

  long refreshes() {
    return highLevel().wireMock().getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals("/oauth/token"))
        .filter(e -> e.getRequest().getBodyAsString().contains("grant_type=refresh_token")).count();
  }

  @org.springframework.beans.factory.annotation.Autowired io.textback.worker.crm.JdbcCrmTokens store;
  @org.springframework.beans.factory.annotation.Autowired HighLevelProperties properties;
  @org.springframework.beans.factory.annotation.Autowired HighLevelApiSettings settings;
}
