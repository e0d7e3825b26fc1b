package io.textback.worker.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.connector.hubspot.signature.HubSpotSignature;
import io.textback.worker.support.TestInfrastructure;
import io.textback.worker.support.WorkerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The HubSpot contact card's backend: the journey, its signature, and pausing the automation. */
class LeadJourneyTest extends WorkerIntegrationTest {
  static final String CLIENT_SECRET = "test-client-secret";
  static final String PORTAL = "62515";
  final ObjectMapper json = new ObjectMapper();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  /** A request as hubspot.fetch sends it: signed over the public URL, HubSpot's query parameters added. */
  HttpResponse<String> card(String method, String contactId, String suffix, String body, Instant signedAt,
      String secret) throws Exception {
    String path = "/api/leads/" + contactId + suffix + "?portalId=" + PORTAL + "&userId=1&appId=7";
    long timestamp = signedAt.toEpochMilli();
    String signature = HubSpotSignature.v3(secret, method, TestInfrastructure.PUBLIC_BASE_URL + path, body, timestamp);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header(HubSpotSignature.HEADER, signature)
        .header(HubSpotSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
        .header("Content-Type", "application/json")
        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> journey(String contactId) throws Exception {
    return card("GET", contactId, "/journey", "", Instant.now(), CLIENT_SECRET);
  }

  HttpResponse<String> automation(String contactId, boolean paused) throws Exception {
    return card("POST", contactId, "/automation", "{\"paused\":" + paused + "}", Instant.now(), CLIENT_SECRET);
  }

  /** A missed call texted back; returns the HubSpot contact id textback created for the caller. */
  String textedCaller(String caller) {
    var call = phone().call(caller, DEMO_NUMBER);
    call.missed();
    call.hangsUpAtGreeting();
    await().atMost(Duration.ofSeconds(10)).until(() -> twilio().sentTo(caller).size() == 1);
    await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
            "select count(*) from crm_record where record_key = :k and external_id is not null")
        .param("k", "contact:" + caller).query(Long.class).single() == 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> engine().isWaitingFor("lead-replied", ("demo-plumbing:" + caller)));
    return jdbc.sql("select external_id from crm_record where record_key = :k").param("k", "contact:" + caller)
        .query(String.class).single();
  }

  List<String> kinds(JsonNode journey) {
    List<String> kinds = new ArrayList<>();
    journey.get("timeline").forEach(step -> kinds.add(step.get("kind").asText()));
    return kinds;
  }

  @Test
  void theCardShowsTheJourneyAsItHappens() throws Exception {
    String caller = newCaller();
    String contactId = textedCaller(caller);

    JsonNode texted = json.readTree(journey(contactId).body());
    assertThat(texted.get("state").asText()).isEqualTo("in_conversation");
    assertThat(kinds(texted)).containsExactly("call_missed", "texted");
    assertThat(texted.get("responseTimeSeconds").isNull()).isTrue();

    phone().text(caller, DEMO_NUMBER, "Yes please, the sink is leaking");
    await().atMost(Duration.ofSeconds(10)).until(() -> kinds(json.readTree(journey(contactId).body())).contains("reply"));
    var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/conversations/" + java.net.URLEncoder.encode(("demo-plumbing:" + caller), "UTF-8") + "/replies"))
        .header("Content-Type", "application/json").header("Authorization", ADMIN_AUTH)
        .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"On our way at 2pm.\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(201);

    JsonNode answered = json.readTree(journey(contactId).body());
    assertThat(kinds(answered)).containsExactly("call_missed", "texted", "reply", "human_reply");
    assertThat(answered.get("timeline").get(2).get("detail").asText()).isEqualTo("to the text-back");
    assertThat(answered.get("timeline").get(3).get("detail").asText()).startsWith("answered ").endsWith("after the call");
    assertThat(answered.get("responseTimeSeconds").asLong()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void onlyHubSpotSignedRequestsAreAnswered() throws Exception {
    String contactId = textedCaller(newCaller());

    assertThat(journey(contactId).statusCode()).isEqualTo(200);
    HttpResponse<String> forged = card("GET", contactId, "/journey", "", Instant.now(), "not-the-secret");
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.body()).contains("X-HubSpot-Signature-v3 does not match");
    HttpResponse<String> expired = card("GET", contactId, "/journey", "", Instant.now().minus(Duration.ofMinutes(6)), CLIENT_SECRET);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.body()).contains("more than 5 minutes");
    HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        "http://localhost:" + port + "/api/leads/" + contactId + "/journey?portalId=" + PORTAL)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(unsigned.body()).doesNotContain("\"timeline\"");
  }

  @Test
  void anUnknownContact_isAClear404() throws Exception {
    HttpResponse<String> unknown = journey("987654321");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("no textback journey for contact 987654321");
    assertThat(journey("not-a-number").statusCode()).isEqualTo(400);
  }

  @Test
  void pausingHoldsTheFollowUps_andResumingLetsThemGo() throws Exception {
    String caller = newCaller();
    String contactId = textedCaller(caller);
    long conversation = engine().instanceStartedFor("lead-conversation", "leadKey", ("demo-plumbing:" + caller));

    HttpResponse<String> paused = automation(contactId, true);
    assertThat(paused.statusCode()).isEqualTo(200);
    assertThat(json.readTree(paused.body()).get("state").asText()).isEqualTo("paused");

    engine().increaseTime(Duration.ofMinutes(61));
    await().atMost(Duration.ofSeconds(10)).until(() -> engine().completedElementsNow(conversation).contains("QuietHours1"));
    assertThat(twilio().sentTo(caller)).as("no follow-up while paused").hasSize(1);

    HttpResponse<String> resumed = automation(contactId, false);
    assertThat(json.readTree(resumed.body()).get("state").asText()).isEqualTo("in_conversation");
    engine().increaseTime(Duration.ofMinutes(61));
    await().atMost(Duration.ofSeconds(10)).until(() -> twilio().sentTo(caller).size() == 2);

    assertThat(card("POST", contactId, "/automation", "{\"paused\":\"maybe\"}", Instant.now(), CLIENT_SECRET).statusCode())
        .isEqualTo(400);
  }
}
