package io.textback.worker.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.worker.support.TestInfrastructure;
import io.textback.worker.support.WorkerIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Connecting a number of the Twilio account in one step, against the Twilio fake's
 * IncomingPhoneNumbers (held to twilio_api_v2010.json): a new number is pointed at textback and read
 * back; one that sends its calls to another service is changed only once the admin confirms.
 */
class TwilioNumberConnectTest extends WorkerIntegrationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String BASE = TestInfrastructure.PUBLIC_BASE_URL;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  JsonNode listed(String phone) throws Exception {
    HttpResponse<String> response = api("GET", "/api/twilio/numbers", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return StreamSupport.stream(JSON.readTree(response.body()).spliterator(), false)
        .filter(n -> n.get("phoneNumber").asText().equals(phone)).findFirst().orElseThrow();
  }

  @Test
  void aNewNumber_isConnectedInOneStep_andReadBack() throws Exception {
    String phone = "+1555080" + String.format("%04d", (int) (System.nanoTime() % 10000));
    String sid = twilio().ownNumber(phone, "https://demo.twilio.com/welcome/voice/", "", "");
    assertThat(listed(phone).get("state").asText()).isEqualTo("not_set");

    HttpResponse<String> connected = api("POST", "/api/twilio/numbers/" + sid + "/connect", null);

    assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
    assertThat(JSON.readTree(connected.body()).get("state").asText()).isEqualTo("connected");
    Map<String, Object> atTwilio = twilio().ownedNumber(phone);
    assertThat(atTwilio).containsEntry("voice_url", BASE + "/webhooks/twilio/voice").containsEntry("voice_method", "POST")
        .containsEntry("status_callback", BASE + "/webhooks/twilio/voice/status")
        .containsEntry("sms_url", BASE + "/webhooks/twilio/sms").containsEntry("sms_method", "POST");
    assertThat(listed(phone).get("state").asText()).isEqualTo("connected");
  }

  @Test
  void aNumberPointingElsewhere_isShownWithWhereItPoints_andChangedOnlyWhenConfirmed() throws Exception {
    String phone = "+1555081" + String.format("%04d", (int) (System.nanoTime() % 10000));
    String sid = twilio().ownNumber(phone, "https://answering.example.com/voice", null, "https://answering.example.com/sms");
    JsonNode before = listed(phone);
    assertThat(before.get("state").asText()).isEqualTo("elsewhere");
    assertThat(before.get("pointsAt").get("voiceUrl").asText()).isEqualTo("https://answering.example.com/voice");

    HttpResponse<String> refused = api("POST", "/api/twilio/numbers/" + sid + "/connect", "{}");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("https://answering.example.com/voice").contains("\"confirm\": true");
    assertThat(twilio().ownedNumber(phone)).as("unchanged").containsEntry("voice_url", "https://answering.example.com/voice");

    HttpResponse<String> confirmed = api("POST", "/api/twilio/numbers/" + sid + "/connect", "{\"confirm\": true}");
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    assertThat(twilio().ownedNumber(phone)).containsEntry("sms_url", BASE + "/webhooks/twilio/sms");
  }

  @Test
  void theDemoBusinessesNumber_saysWhichBusinessItIs_andBadIdsAreRefused() throws Exception {
    // pointed at textback but without the call status callback: connecting completes it, no confirmation asked
    String sid = twilio().ownNumber(DEMO_NUMBER, BASE + "/webhooks/twilio/voice", "", BASE + "/webhooks/twilio/sms");
    assertThat(listed(DEMO_NUMBER).get("business").asText()).isEqualTo("demo-plumbing");
    assertThat(listed(DEMO_NUMBER).get("state").asText()).isEqualTo("incomplete");
    assertThat(api("POST", "/api/twilio/numbers/" + sid + "/connect", null).statusCode()).isEqualTo(200);
    assertThat(listed(DEMO_NUMBER).get("state").asText()).isEqualTo("connected");
    assertThat(api("POST", "/api/twilio/numbers/PN" + "0".repeat(32) + "/connect", null).statusCode()).isEqualTo(404);
    assertThat(api("POST", "/api/twilio/numbers/not-a-sid/connect", null).statusCode()).isEqualTo(400);
  }
}
