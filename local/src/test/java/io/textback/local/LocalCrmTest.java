package io.textback.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.textback.connector.hubspot.signature.HubSpotSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** In local mode a missed call shows up at each demo business's CRM fake, and an inbox reply reaches the caller. */
class LocalCrmTest {
  static LocalStack stack;

  @BeforeAll
  static void start() throws Exception {
    stack = LocalStack.start(LocalSettings.ephemeral("5s")).awaitReady(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() throws Exception {
    stack.close();
  }

  @Test
  void aMissedCallMakesContactCallThreadMessageAndDeal_andAnInboxReplyIsTexted() throws Exception {
    String caller = "+15556660001";
    assertThat(PlayCall.run(new String[] {"--worker", stack.workerUrl(), "--twilio-fake", stack.twilio().baseUrl(),
        "--from", caller, "--wait", "30"})).isZero();

    await().atMost(Duration.ofSeconds(20)).until(() -> stack.hubspot().records("0-3").size() == 1);
    assertThat(stack.hubspot().records("contacts")).hasSize(1);
    assertThat(stack.hubspot().records("calls")).hasSize(1);
    assertThat(stack.hubspot().records("messages")).hasSize(1);

    String body = """
        {"type":"OUTGOING_CHANNEL_MESSAGE_CREATED","portalId":62515,"channelId":1001,"eventId":"ev-1",
         "message":{"id":"m-1","channelAccountId":"acct-demo","text":"We can come at 3pm. OK?",
         "recipients":[{"deliveryIdentifier":{"type":"HS_PHONE_NUMBER","value":"%s"}}]}}""".formatted(caller);
    long now = System.currentTimeMillis();
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(stack.workerUrl() + "/webhooks/hubspot/channel"))
        .header("Content-Type", "application/json")
        .header(HubSpotSignature.HEADER, HubSpotSignature.v3(LocalStack.LOCAL_APP_SECRET, "POST",
            stack.publicBaseUrl() + "/webhooks/hubspot/channel", body, now))
        .header(HubSpotSignature.TIMESTAMP_HEADER, Long.toString(now))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> stack.twilio().sentTo(caller).size() == 2);
    assertThat(stack.twilio().sentTo(caller).get(1).body()).isEqualTo("We can come at 3pm. OK?");
  }

  @Test
  void aMissedCallAtTheHighLevelBusiness_landsInItsLocation_andAnInboxReplyIsTexted() throws Exception {
    String caller = "+15556660002";
    assertThat(PlayCall.run(new String[] {"--worker", stack.workerUrl(), "--twilio-fake", stack.twilio().baseUrl(),
        "--from", caller, "--to", LocalStack.DEMO_HIGHLEVEL_NUMBER, "--wait", "30"})).isZero();

    await().atMost(Duration.ofSeconds(20)).until(() -> stack.highLevel().records("opportunity").size() == 1
        && stack.highLevel().records("message").size() == 1);
    var contact = stack.highLevel().records("contact").get(0);
    assertThat(contact.field("phone")).isEqualTo(caller);
    assertThat(contact.locationId()).isEqualTo(LocalStack.DEMO_HIGHLEVEL_LOCATION);
    assertThat(stack.highLevel().records("message").get(0).field("message"))
        .isEqualTo(stack.twilio().sentTo(caller).get(0).body());
    assertThat(stack.hubspot().records("contacts")).extracting(r -> r.properties().get("phone")).doesNotContain(caller);

    var typed = stack.highLevel().agentTypes(LocalStack.DEMO_HIGHLEVEL_LOCATION, contact.id(), "prov-textback-sms",
        "Our tech can come at 4pm.");
    String delivery = ("{\"contactId\":\"%s\",\"locationId\":\"%s\",\"messageId\":\"%s\",\"type\":\"SMS\","
        + "\"phone\":\"%s\",\"message\":\"Our tech can come at 4pm.\"}")
        .formatted(contact.id(), LocalStack.DEMO_HIGHLEVEL_LOCATION, typed.get("id"), caller);
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(stack.workerUrl() + "/webhooks/gohighlevel/delivery")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(delivery)).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> stack.twilio().sentTo(caller).size() == 2);
    assertThat(stack.twilio().sentTo(caller).get(1).body()).isEqualTo("Our tech can come at 4pm.");
  }
}
