package io.textback.worker.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.textback.connector.hubspot.signature.HubSpotSignature;
import io.textback.testkit.TwilioPhone.Call;
import io.textback.worker.support.TestInfrastructure;
import io.textback.worker.support.WorkerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** HubSpot calling us: a booked deal, and a reply written in the HubSpot inbox. */
class HubSpotWebhookTest extends WorkerIntegrationTest {
  static final String SECRET = "test-client-secret";

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  HttpResponse<String> post(String path, String body, long timestamp, String signature) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header(HubSpotSignature.HEADER, signature).header(HubSpotSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> signed(String path, String body) throws Exception {
    long now = System.currentTimeMillis();
    return post(path, body, now, HubSpotSignature.v3(SECRET, "POST", TestInfrastructure.PUBLIC_BASE_URL + path, body, now));
  }

  /** A texted caller whose deal exists in HubSpot. */
  String textedCallerWithDeal(String caller) {
    Call call = phone().call(caller, DEMO_NUMBER);
    call.missed();
    call.hangsUpAtGreeting();
    return await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
        "select deal_id from crm_deal where lead_key = :k").param("k", "demo-plumbing:" + caller)
        .query(String.class).optional().orElse(null), id -> id != null);
  }

  String outcome(String caller) {
    return jdbc.sql("select outcome from conversation where phone = :p order by id desc limit 1").param("p", caller)
        .query(String.class).optional().orElse(null);
  }

  @Test
  void aDealThatReachesTheBookedStageEndsTheConversationAsBooked() throws Exception {
    String caller = newCaller();
    String dealId = textedCallerWithDeal(caller);
    String batch = """
        [{"eventId":%d,"subscriptionId":12,"portalId":62515,"appId":54321,"occurredAt":%d,
          "subscriptionType":"object.propertyChange","attemptNumber":0,"objectId":%s,
          "propertyName":"dealstage","propertyValue":"closedwon","changeSource":"CRM"},
         {"eventId":%d,"subscriptionId":12,"portalId":62515,"appId":54321,"occurredAt":%d,
          "subscriptionType":"object.propertyChange","attemptNumber":0,"objectId":999999,
          "propertyName":"dealstage","propertyValue":"closedwon","changeSource":"CRM"}]"""
        .formatted(System.nanoTime(), System.currentTimeMillis(), dealId, System.nanoTime() + 1, System.currentTimeMillis());

    HttpResponse<String> response = signed("/webhooks/hubspot", batch);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"booked\":1").contains("\"received\":2");
    await().atMost(Duration.ofSeconds(10)).until(() -> "Booked".equals(outcome(caller)));
    assertThat(signed("/webhooks/hubspot", batch).statusCode()).isEqualTo(200); // a retry: dropped
  }

  @Test
  void aReplyWrittenInTheHubSpotInboxReachesTheCallerAsSmsOnce() throws Exception {
    String caller = newCaller();
    textedCallerWithDeal(caller);
    String messageId = "hs-msg-" + System.nanoTime();
    String event = """
        {"type":"OUTGOING_CHANNEL_MESSAGE_CREATED","portalId":62515,"channelId":1001,"eventId":"ev-%s",
         "eventTimestamp":%d,"message":{"id":"%s","channelAccountId":"acct-1","conversationsThreadId":"t-1",
         "senders":[{"deliveryIdentifier":{"type":"HS_PHONE_NUMBER","value":"+15550100000"},"name":"Dana"}],
         "recipients":[{"deliveryIdentifier":{"type":"HS_PHONE_NUMBER","value":"%s"}}],
         "text":"Hi! We can come at 3pm today. Does that work?","direction":"OUTGOING","attachments":[]}}"""
        .formatted(messageId, System.currentTimeMillis(), messageId, caller);

    assertThat(signed("/webhooks/hubspot/channel", event).statusCode()).isEqualTo(200);
    assertThat(signed("/webhooks/hubspot/channel", event).statusCode()).isEqualTo(200); // delivered twice

    await().atMost(Duration.ofSeconds(10)).until(() -> twilio().sentTo(caller).size() == 2);
    assertThat(twilio().sentTo(caller).get(1).body()).isEqualTo("Hi! We can come at 3pm today. Does that work?");
    await().atMost(Duration.ofSeconds(10)).until(() -> !hubspot().wireMock().findAll(
        patchRequestedFor(urlEqualTo("/conversations/custom-channels/2026-03/1001/messages/" + messageId))
            .withRequestBody(equalToJson("{\"statusType\":\"SENT\"}"))).isEmpty());
    Thread.sleep(500);
    assertThat(twilio().sentTo(caller)).hasSize(2);
  }

  @Test
  void unsignedWronglySignedOrStaleWebhooksAre401WithTheReason() throws Exception {
    String body = "[]";
    long now = System.currentTimeMillis();
    String good = HubSpotSignature.v3(SECRET, "POST", TestInfrastructure.PUBLIC_BASE_URL + "/webhooks/hubspot", body, now);
    long old = now - 301_000;
    String stale = HubSpotSignature.v3(SECRET, "POST", TestInfrastructure.PUBLIC_BASE_URL + "/webhooks/hubspot", body, old);

    assertThat(post("/webhooks/hubspot", body, now, good).statusCode()).isEqualTo(200);
    HttpResponse<String> missing = post("/webhooks/hubspot", body, now, null);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.body()).contains("missing X-HubSpot-Signature-v3");
    assertThat(post("/webhooks/hubspot", body, now, "bm9wZQ==").body()).contains("does not match");
    HttpResponse<String> expired = post("/webhooks/hubspot", body, old, stale);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.body()).contains("more than 5 minutes");
  }

  @Test
  void badBodiesAre400NotA500() throws Exception {
    assertThat(signed("/webhooks/hubspot", "{not json").statusCode()).isEqualTo(400);
    assertThat(signed("/webhooks/hubspot", "{\"eventId\":1}").body()).contains("expected a JSON array");
    StringBuilder big = new StringBuilder("[");
    for (int i = 0; i < 101; i++) {
      big.append(i == 0 ? "" : ",").append("{\"eventId\":").append(i).append("}");
    }
    assertThat(signed("/webhooks/hubspot", big.append("]").toString()).body()).contains("at most 100 events");
    HttpResponse<String> noRecipient = signed("/webhooks/hubspot/channel",
        "{\"type\":\"OUTGOING_CHANNEL_MESSAGE_CREATED\",\"message\":{\"id\":\"m\",\"text\":\"hi\",\"channelAccountId\":\"acct-1\"}}");
    assertThat(noRecipient.statusCode()).isEqualTo(400);
    assertThat(noRecipient.body()).contains("E.164 recipient");
  }
}
