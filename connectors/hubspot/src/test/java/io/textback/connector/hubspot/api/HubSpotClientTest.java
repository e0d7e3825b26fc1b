package io.textback.connector.hubspot.api;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.textback.connector.hubspot.api.HubSpotModel.ChannelMessage;
import io.textback.connector.hubspot.api.HubSpotModel.Party;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every HubSpot endpoint textback calls, against WireMock, with HubSpot's own error shapes. */
class HubSpotClientTest {
  static final String V = "2026-03";

  @RegisterExtension
  static WireMockExtension hubspot = WireMockExtension.newInstance()
      .options(WireMockConfiguration.options().dynamicPort()).build();

  HubSpotClient client;

  @BeforeEach
  void setUp() {
    var settings = new HubSpotSettings(hubspot.baseUrl(), 100, 5, 3, Duration.ofMillis(50),
        Duration.ofSeconds(2), Duration.ofSeconds(2));
    client = HubSpotClientFactory.forPortal("62515", "pat-na1-test-token", settings);
  }

  static String object(String id) {
    return "{\"id\":\"" + id + "\",\"properties\":{},\"createdAt\":\"2026-11-29T06:00:00Z\",\"archived\":false}";
  }

  @Test
  void findsAContactByItsNormalisedPhoneProperties() {
    hubspot.stubFor(post("/crm/objects/" + V + "/contacts/search")
        .willReturn(okJson("{\"total\":1,\"results\":[" + object("501") + "]}")));

    assertThat(client.findContactIdByPhone("5551234567")).contains("501");
    hubspot.verify(postRequestedFor(urlEqualTo("/crm/objects/" + V + "/contacts/search"))
        .withHeader("Authorization", equalTo("Bearer pat-na1-test-token"))
        .withRequestBody(matchingJsonPath("$.filterGroups[0].filters[0].propertyName", equalTo("hs_searchable_calculated_phone_number")))
        .withRequestBody(matchingJsonPath("$.filterGroups[1].filters[0].propertyName", equalTo("hs_searchable_calculated_mobile_number")))
        .withRequestBody(matchingJsonPath("$.filterGroups[0].filters[0].value", equalTo("5551234567"))));
  }

  @Test
  void noContactForThePhone() {
    hubspot.stubFor(post("/crm/objects/" + V + "/contacts/search").willReturn(okJson("{\"total\":0,\"results\":[]}")));

    assertThat(client.findContactIdByPhone("5550000000")).isEmpty();
  }

  @Test
  void createsAContact_andA409UsesTheExistingId() {
    hubspot.stubFor(post("/crm/objects/" + V + "/contacts").withRequestBody(matchingJsonPath("$.properties.phone", equalTo("+15551234567")))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(object("601"))));
    hubspot.stubFor(post("/crm/objects/" + V + "/contacts").withRequestBody(matchingJsonPath("$.properties.phone", equalTo("+15557654321")))
        .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json").withBody("""
            {"status":"error","message":"Contact already exists. Existing ID: 777","correlationId":"c-1","category":"CONFLICT"}""")));

    assertThat(client.createContact(Map.of("phone", "+15551234567"))).isEqualTo("601");
    assertThat(client.createContact(Map.of("phone", "+15557654321"))).isEqualTo("777");
  }

  @Test
  void updatesAContact() {
    hubspot.stubFor(patch(urlEqualTo("/crm/objects/" + V + "/contacts/601")).willReturn(okJson(object("601"))));

    client.updateContact("601", Map.of("firstname", "Alex"));

    hubspot.verify(patchRequestedFor(urlEqualTo("/crm/objects/" + V + "/contacts/601"))
        .withRequestBody(matchingJsonPath("$.properties.firstname", equalTo("Alex"))));
  }

  @Test
  void logsACallDealAndTaskAssociatedToTheContact() {
    hubspot.stubFor(post("/crm/objects/" + V + "/calls").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(object("c1"))));
    hubspot.stubFor(post("/crm/objects/" + V + "/0-3").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(object("d1"))));
    hubspot.stubFor(post("/crm/objects/" + V + "/tasks").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(object("t1"))));
    hubspot.stubFor(post("/crm/objects/" + V + "/communications").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(object("m1"))));

    assertThat(client.createCall(Map.of("hs_call_direction", "INBOUND"), "601")).isEqualTo("c1");
    assertThat(client.createDeal(Map.of("dealname", "Missed call"), "601")).isEqualTo("d1");
    assertThat(client.createTask(Map.of("hs_task_subject", "Call back"), "601")).isEqualTo("t1");
    assertThat(client.createCommunication(Map.of("hs_communication_channel_type", "SMS"), "601")).isEqualTo("m1");

    hubspot.verify(postRequestedFor(urlEqualTo("/crm/objects/" + V + "/calls"))
        .withRequestBody(matchingJsonPath("$.associations[0].to.id", equalTo("601")))
        .withRequestBody(matchingJsonPath("$.associations[0].types[0].associationTypeId", equalTo("194")))
        .withRequestBody(matchingJsonPath("$.associations[0].types[0].associationCategory", equalTo("HUBSPOT_DEFINED"))));
    hubspot.verify(postRequestedFor(urlEqualTo("/crm/objects/" + V + "/0-3"))
        .withRequestBody(matchingJsonPath("$.associations[0].types[0].associationTypeId", equalTo("3"))));
    hubspot.verify(postRequestedFor(urlEqualTo("/crm/objects/" + V + "/tasks"))
        .withRequestBody(matchingJsonPath("$.associations[0].types[0].associationTypeId", equalTo("204"))));
  }

  @Test
  void publishesAnSmsIntoTheInboxThreadAndSetsTheStatusOfAnAgentsMessage() throws Exception {
    hubspot.stubFor(post("/conversations/custom-channels/" + V + "/1001/messages")
        .willReturn(okJson("{\"id\":\"msg-9\",\"conversationsThreadId\":\"thread-42\"}")));
    hubspot.stubFor(patch(urlEqualTo("/conversations/custom-channels/" + V + "/1001/messages/msg-8")).willReturn(ok()));

    var published = client.publish("1001", new ChannelMessage("acct-1", "INCOMING",
        List.of(Party.phone("+15551234567", null)), List.of(Party.phone("+15550100000", "Demo Plumbing")),
        "My sink is leaking", "2026-11-29T06:00:00Z", List.of(), null, "SM123", 601L));
    client.setMessageStatus("1001", "msg-8", "SENT", null);

    assertThat(published.conversationsThreadId()).isEqualTo("thread-42");
    hubspot.verify(postRequestedFor(urlEqualTo("/conversations/custom-channels/" + V + "/1001/messages"))
        .withRequestBody(matchingJsonPath("$.integrationIdempotencyId", equalTo("SM123")))
        .withRequestBody(matchingJsonPath("$.senders[0].deliveryIdentifier.type", equalTo("HS_PHONE_NUMBER")))
        .withRequestBody(matchingJsonPath("$.senders[0].deliveryIdentifier.value", equalTo("+15551234567")))
        .withRequestBody(matchingJsonPath("$.messageDirection", equalTo("INCOMING"))));
    // The custom-channels spec types associateWithContactId as int64 and a party's name as a string.
    var sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(hubspot.findAll(
        postRequestedFor(urlEqualTo("/conversations/custom-channels/" + V + "/1001/messages"))).get(0).getBodyAsString());
    assertThat(sent.get("associateWithContactId").isIntegralNumber()).isTrue();
    assertThat(sent.get("associateWithContactId").asLong()).isEqualTo(601L);
    assertThat(sent.at("/senders/0").has("name")).as("an unknown name is left out, not null").isFalse();
    assertThat(sent.at("/recipients/0/name").asText()).isEqualTo("Demo Plumbing");
    hubspot.verify(patchRequestedFor(urlEqualTo("/conversations/custom-channels/" + V + "/1001/messages/msg-8"))
        .withRequestBody(equalToJson("{\"statusType\":\"SENT\"}")));
  }

  @Test
  void a429WaitsForRetryAfterThenSucceeds() {
    hubspot.stubFor(post("/crm/objects/" + V + "/tasks").inScenario("429").whenScenarioStateIs("Started")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withHeader("Content-Type", "application/json")
            .withBody("""
                {"status":"error","message":"You have reached your ten_secondly_rolling limit.","errorType":"RATE_LIMIT","correlationId":"c-2","policyName":"TEN_SECONDLY_ROLLING"}"""))
        .willSetStateTo("ok"));
    hubspot.stubFor(post("/crm/objects/" + V + "/tasks").inScenario("429").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(object("t2"))));

    assertThat(client.createTask(Map.of("hs_task_subject", "Call back"), "601")).isEqualTo("t2");

    List<LoggedRequest> requests = hubspot.findAll(postRequestedFor(urlEqualTo("/crm/objects/" + V + "/tasks")));
    requests.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
    assertThat(requests).hasSize(2);
    assertThat(requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime()).isGreaterThanOrEqualTo(950);
  }

  @Test
  void a5xxIsRetriedWithBackoffThenSucceeds() {
    hubspot.stubFor(post("/crm/objects/" + V + "/0-3").inScenario("5xx").whenScenarioStateIs("Started")
        .willReturn(aResponse().withStatus(502)).willSetStateTo("ok"));
    hubspot.stubFor(post("/crm/objects/" + V + "/0-3").inScenario("5xx").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(object("d2"))));

    assertThat(client.createDeal(Map.of("dealname", "Missed call"), "601")).isEqualTo("d2");
    hubspot.verify(2, postRequestedFor(urlEqualTo("/crm/objects/" + V + "/0-3")));
  }

  @Test
  void aValidationErrorBecomesAClearMessageAndIsNotRetried() {
    hubspot.stubFor(post("/crm/objects/" + V + "/calls").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("""
            {"status":"error","message":"Property values were not valid","correlationId":"7c1d-aa","category":"VALIDATION_ERROR",
             "errors":[{"message":"Property \\"hs_call_disposition\\" has an invalid value","code":"INVALID_OPTION"},
                       {"message":"hs_timestamp is required","code":"REQUIRED_FIELD"}]}""")));

    assertThatThrownBy(() -> client.createCall(Map.of("hs_call_disposition", "nope"), "601"))
        .isInstanceOfSatisfying(HubSpotApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.getMessage()).isEqualTo("HubSpot answered 400 VALIDATION_ERROR: Property values were not valid"
              + " [Property \"hs_call_disposition\" has an invalid value; hs_timestamp is required] (correlationId 7c1d-aa)");
        });
    hubspot.verify(1, postRequestedFor(urlEqualTo("/crm/objects/" + V + "/calls")));
  }

  @Test
  void searchesArePacedToFivePerSecond() {
    hubspot.stubFor(post("/crm/objects/" + V + "/contacts/search").willReturn(okJson("{\"total\":0,\"results\":[]}")));

    // 11 searches at 5 a second span three one-second windows: the last at least a second after the first
    for (int i = 0; i < 11; i++) {
      client.findContactIdByPhone("5550000" + String.format("%02d", i));
    }

    List<LoggedRequest> searches = hubspot.findAll(postRequestedFor(urlEqualTo("/crm/objects/" + V + "/contacts/search")));
    searches.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
    assertThat(searches.get(10).getLoggedDate().getTime() - searches.get(0).getLoggedDate().getTime()).isGreaterThanOrEqualTo(950);
    assertThat(client.callCount()).isEqualTo(11);
  }

  @Test
  void requestsAreSpreadOverTheSecondsSoNoTenSecondWindowGoesOverThePortalLimit() {
    // a portal of 22 per 10 s gets 2 a second: a refill of all 22 at once would let 44 through
    // across a refill, which HubSpot answers with 429s; 6 updates span three one-second windows
    var settings = new HubSpotSettings(hubspot.baseUrl(), 22, 5, 3, Duration.ofMillis(50),
        Duration.ofSeconds(2), Duration.ofSeconds(2));
    HubSpotClient paced = HubSpotClientFactory.forPortal("62516", "pat-na1-test-token", settings);
    hubspot.stubFor(patch(urlPathMatching("/crm/objects/" + V + "/contacts/.*")).willReturn(okJson(object("1"))));

    for (int i = 0; i < 6; i++) {
      paced.updateContact("1", Map.of("firstname", "Ann"));
    }

    List<LoggedRequest> updates = hubspot.findAll(patchRequestedFor(urlPathMatching("/crm/objects/" + V + "/contacts/.*")));
    updates.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
    assertThat(updates.get(5).getLoggedDate().getTime() - updates.get(0).getLoggedDate().getTime()).isGreaterThanOrEqualTo(950);
  }
}
