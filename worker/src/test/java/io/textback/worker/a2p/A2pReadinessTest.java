package io.textback.worker.a2p;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.worker.support.WorkerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Whether each business number may text US leads, read from Twilio's Messaging API (its fake). */
class A2pReadinessTest extends WorkerIntegrationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @Autowired A2pReadiness readiness;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  JsonNode demo(String method) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + (method.equals("POST") ? "/api/a2p/check" : "/api/a2p"))).header("Authorization", ADMIN_AUTH);
    request = method.equals("POST") ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
    HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    for (JsonNode n : JSON.readTree(answer.body())) {
      if (n.path("registration").path("businessId").asText().equals("demo-plumbing")) {
        return n;
      }
    }
    throw new AssertionError("no demo-plumbing in " + answer.body());
  }

  @Test
  void aUsLongCode_isRegisteredOnlyWithAnApprovedCampaignOnItsMessagingService() throws Exception {
    twilio().registerForA2p(DEMO_NUMBER, null);
    JsonNode none = demo("POST").path("registration");
    assertThat(none.path("state").asText()).isEqualTo("unregistered");
    assertThat(none.path("detail").asText()).contains("has no A2P campaign").contains("Register a brand and a campaign");

    twilio().registerForA2p(DEMO_NUMBER, "IN_PROGRESS");
    assertThat(demo("POST").path("registration").path("state").asText()).isEqualTo("pending");
    twilio().registerForA2p(DEMO_NUMBER, "FAILED");
    JsonNode rejected = demo("POST").path("registration");
    assertThat(rejected.path("state").asText()).isEqualTo("rejected");
    assertThat(rejected.path("detail").asText()).contains("30909").contains("opt-in path");
    twilio().registerForA2p(DEMO_NUMBER, "VERIFIED");
    JsonNode registered = demo("POST").path("registration");
    assertThat(registered.path("state").asText()).isEqualTo("registered");
    assertThat(registered.path("messagingServiceSid").asText()).matches("MG[0-9a-f]{32}");
    assertThat(demo("GET").path("registration").path("state").asText()).as("kept until asked again").isEqualTo("registered");
  }

  @Test
  void aNumberInNoMessagingService_tollFreeNumbersAndOtherCountries() {
    assertThat(readiness.check("x", "+15557770123").state()).isEqualTo(A2pStatus.UNREGISTERED);
    assertThat(readiness.check("x", "+15557770123").detail()).contains("in no Messaging Service");
    assertThat(readiness.check("x", "+18885550123").state()).isEqualTo(A2pStatus.UNREGISTERED);
    twilio().verifyTollFree("+18885550123", "IN_REVIEW");
    assertThat(readiness.check("x", "+18885550123").state()).isEqualTo(A2pStatus.PENDING);
    twilio().verifyTollFree("+18885550123", "TWILIO_REJECTED");
    assertThat(readiness.check("x", "+18885550123").detail()).contains("rejected").contains("Opt-in not sufficient");
    twilio().verifyTollFree("+18885550123", "TWILIO_APPROVED");
    assertThat(readiness.check("x", "+18885550123").state()).isEqualTo(A2pStatus.REGISTERED);
    assertThat(readiness.check("x", "+447700900123").state()).isEqualTo(A2pStatus.NOT_US);
  }

  @Test
  void aDeliveryStatusWith30034_saysInWordsWhatToDo() throws Exception {
    String caller = newCaller();
    missedAndTextedBack(caller, DEMO_NUMBER);

    // the outbox row learns its message sid just after Twilio's answer, as a real status callback finds it
    String sid = twilio().sentTo(caller).get(0).sid();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql(
        "select count(*) from sms_outbox where message_sid = :sid").param("sid", sid).query(Long.class).single() == 1);
    assertThat(phone().deliveryStatus(twilio().sentTo(caller).get(0), "undelivered", 30034).status()).isEqualTo(200);

    JsonNode errors = demo("GET").path("deliveryErrors");
    assertThat(errors.findValues("errorCode").stream().map(JsonNode::asInt)).contains(30034);
    assertThat(errors.toString()).contains("not registered for US A2P 10DLC");
  }

  @Test
  void theMessageFlowTemplate_describesEveryOptInPathInTheBusinesssWords() throws Exception {
    HttpResponse<String> flow = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/a2p/message-flow?business=demo-plumbing")).header("Authorization", ADMIN_AUTH).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(flow.statusCode()).isEqualTo(200);
    assertThat(flow.body()).contains("Demo Plumbing").contains("Phone call").contains("Web form").contains("Reply STOP")
        .contains("Message and data rates may apply").contains(DEMO_NUMBER);
    assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/a2p/message-flow?business=nobody")).header("Authorization", ADMIN_AUTH).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
  }
}
