package io.textback.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.testkit.HubSpotFake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HubSpot fake refuses what HubSpot would refuse, in HubSpot's error shape, and says why. */
class HubSpotContractTest {
  static final String JSON = "application/json";
  static final String TOKEN = "Bearer pat-na1-test";
  static final String MESSAGES = "/conversations/custom-channels/2026-03/1001/messages";
  static HubSpotFake hubspot;
  final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    hubspot = HubSpotFake.start(0);
  }

  @AfterAll
  static void stop() {
    hubspot.close();
  }

  @AfterEach
  void forget() {
    hubspot.credentials().acceptAny();
  }

  static String message(String contactId, String leadName) {
    return """
        {"channelAccountId":"acct-1","messageDirection":"INCOMING",
         "senders":[{"deliveryIdentifier":{"type":"HS_PHONE_NUMBER","value":"+15551234567"},"name":%s}],
         "recipients":[{"deliveryIdentifier":{"type":"HS_PHONE_NUMBER","value":"+15550100000"},"name":"Demo Plumbing"}],
         "text":"My sink is leaking","timestamp":"2026-11-29T06:00:00Z","attachments":[],
         "integrationIdempotencyId":"SM1","associateWithContactId":%s}""".formatted(leadName, contactId);
  }

  @Test
  void aMessageAsTheSpecTypesIt_isPublishedWith201() throws Exception {
    var answer = RawRequests.send(hubspot.baseUrl(), "POST", MESSAGES, JSON, message("601", "\"Pat\""), TOKEN);

    assertThat(answer.status()).isEqualTo(201);
    assertThat(json.readTree(answer.body()).has("conversationsThreadId")).isTrue();
    assertThat(ContractViolations.take()).isEmpty();
  }

  @Test
  void aContactIdSentAsAString_isRefusedNamingTheField() throws Exception {
    int published = hubspot.records("messages").size();
    var answer = RawRequests.send(hubspot.baseUrl(), "POST", MESSAGES, JSON, message("\"601\"", "\"Pat\""), TOKEN);

    assertThat(answer.status()).isEqualTo(400);
    var body = json.readTree(answer.body());
    assertThat(body.path("category").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(body.path("status").asText()).isEqualTo("error");
    assertThat(body.path("correlationId").asText()).isNotBlank();
    assertThat(body.path("message").asText()).contains("associateWithContactId").contains("integer");
    assertThat(ContractViolations.take()).singleElement()
        .satisfies(v -> assertThat(v.describe()).contains("associateWithContactId is a string"));
    assertThat(hubspot.records("messages")).as("nothing published").hasSize(published);
  }

  @Test
  void aNullName_isRefused() throws Exception {
    var answer = RawRequests.send(hubspot.baseUrl(), "POST", MESSAGES, JSON, message("601", "null"), TOKEN);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(ContractViolations.take()).singleElement()
        .satisfies(v -> assertThat(v.problem()).startsWith("senders[0].name is null"));
  }

  @Test
  void anUndocumentedField_isRefusedNamingIt() throws Exception {
    String body = message("601", "\"Pat\"").replace("\"text\":", "\"smsBody\":\"x\",\"text\":");

    var answer = RawRequests.send(hubspot.baseUrl(), "POST", MESSAGES, JSON, body, TOKEN);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(ContractViolations.take()).singleElement()
        .satisfies(v -> assertThat(v.problem()).startsWith("smsBody is not a documented field"));
  }

  @Test
  void aMissingRequiredField_isRefused() throws Exception {
    String body = message("601", "\"Pat\"").replace("\"attachments\":[],", "");

    assertThat(RawRequests.send(hubspot.baseUrl(), "POST", MESSAGES, JSON, body, TOKEN).status()).isEqualTo(400);
    assertThat(ContractViolations.take()).singleElement()
        .satisfies(v -> assertThat(v.problem()).isEqualTo("attachments is required"));
  }

  @Test
  void theInboxListOnAnUnpublishedVersion_is404NamingThePublishedOne() throws Exception {
    var old = RawRequests.send(hubspot.baseUrl(), "GET", "/conversations/conversations/2026-03/inboxes", null, null, TOKEN);
    var published = RawRequests.send(hubspot.baseUrl(), "GET", "/conversations/conversations/2026-09/inboxes", null, null, TOKEN);

    assertThat(old.status()).isEqualTo(404);
    assertThat(published.status()).isEqualTo(200);
    assertThat(ContractViolations.take()).singleElement().satisfies(v -> assertThat(v.problem())
        .contains("publishes no GET /conversations/conversations/2026-03/inboxes")
        .contains("/conversations/conversations/2026-09/inboxes"));
  }

  @Test
  void noTokenOrAWrongOne_is401() throws Exception {
    hubspot.credentials().acceptOnly("pat-na1-test");

    var none = RawRequests.send(hubspot.baseUrl(), "POST", "/crm/objects/2026-03/contacts", JSON,
        "{\"properties\":{\"phone\":\"+15551234567\"}}", null);
    var wrong = RawRequests.send(hubspot.baseUrl(), "POST", "/crm/objects/2026-03/contacts", JSON,
        "{\"properties\":{\"phone\":\"+15551234567\"}}", "Bearer pat-na1-other");
    var right = RawRequests.send(hubspot.baseUrl(), "POST", "/crm/objects/2026-03/contacts", JSON,
        "{\"properties\":{\"phone\":\"+15551234567\"}}", TOKEN);

    assertThat(none.status()).isEqualTo(401);
    assertThat(json.readTree(none.body()).path("category").asText()).isEqualTo("INVALID_AUTHENTICATION");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(right.status()).isEqualTo(201);
    assertThat(ContractViolations.take()).hasSize(2);
  }

  @Test
  void channelsWithoutTheDeveloperKey_are401() throws Exception {
    var answer = RawRequests.send(hubspot.baseUrl(), "GET", "/conversations/custom-channels/2026-03?appId=7", null, null, TOKEN);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(ContractViolations.take()).singleElement()
        .satisfies(v -> assertThat(v.problem()).contains("developer API key"));
  }

  @Test
  void aStatusPatch_answers200WithTheMessage() throws Exception {
    var answer = RawRequests.send(hubspot.baseUrl(), "PATCH", MESSAGES + "/msg-8", JSON, "{\"statusType\":\"SENT\"}", TOKEN);
    var wrong = RawRequests.send(hubspot.baseUrl(), "PATCH", MESSAGES + "/msg-8", JSON, "{\"statusType\":\"DONE\"}", TOKEN);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(json.readTree(answer.body()).path("id").asText()).isEqualTo("msg-8");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(ContractViolations.take()).singleElement()
        .satisfies(v -> assertThat(v.problem()).contains("statusType is 'DONE'"));
  }

  @Test
  void aFakeStubAnsweringAnotherSuccessStatus_isCaughtAsTheFakesFault() throws Exception {
    hubspot.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/crm/objects/2026-03/tasks")
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"id\":\"1\",\"properties\":{}}")));
    try {
      RawRequests.send(hubspot.baseUrl(), "POST", "/crm/objects/2026-03/tasks", JSON, "{\"properties\":{}}", TOKEN);

      assertThat(ContractViolations.take()).singleElement()
          .satisfies(v -> assertThat(v.problem()).isEqualTo("the fake answered 200 where HubSpot answers 201"));
    } finally {
      hubspot.reset();
    }
  }

}
