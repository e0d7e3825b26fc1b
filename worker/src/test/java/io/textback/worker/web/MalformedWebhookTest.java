package io.textback.worker.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.textback.testkit.WebhookResponse;
import io.textback.worker.form.FormSignature;
import io.textback.worker.support.WorkerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the fuzzing found: a NUL character, and an id too long to index, reached PostgreSQL and came
 * back as a 500. Now each is a 400 with the reason, and nothing is stored.
 */
class MalformedWebhookTest extends WorkerIntegrationTest {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  long stored() {
    return jdbc.sql("select count(*) from inbound_event").query(Long.class).single();
  }

  @Test
  void aSignedFormWithANulCharacter_isA400() throws Exception {
    String body = "{\"submissionId\":\"nul-1\",\"name\":\"Ann\\u0000\",\"phone\":\"+15557770199\"}";
    long before = stored();
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            "http://localhost:" + port + "/webhooks/forms/demo-plumbing"))
        .header("Content-Type", "application/json")
        .header(FormSignature.HEADER, FormSignature.sign(FORM_SECRET, body.getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("NUL character");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void aSignedTwilioWebhookWithANulCharacter_isA400_andOrdinaryOnesStillPass() {
    long before = stored();
    WebhookResponse nul = phone().post("/webhooks/twilio/sms", Map.of("MessageSid", "SM" + "0".repeat(31) + "1", "From", "+15557770198",
        "To", DEMO_NUMBER, "Body", "hi\0there", "AccountSid", "AC00000000000000000000000000000001"));
    assertThat(nul.status()).isEqualTo(400);
    assertThat(nul.body()).contains("body contains a NUL character");
    assertThat(stored()).isEqualTo(before);

    WebhookResponse fine = phone().post("/webhooks/twilio/sms", Map.of("MessageSid", "SM" + "0".repeat(31) + "2", "From", "+15557770198",
        "To", DEMO_NUMBER, "Body", "hi there", "AccountSid", "AC00000000000000000000000000000001"));
    assertThat(fine.status()).isEqualTo(200);
  }

  @Test
  void aCapturedSignatureReplayedWithAnIdThatSwallowsTheNextParameter_isA400AndStoresNothing() {
    // Twilio's signature runs names and values together: MessageSid=SM…NumMedia0 without NumMedia
    // signs the same as MessageSid=SM… with NumMedia=0.
    long before = stored();
    String sid = "SM" + "ab".repeat(16);
    WebhookResponse replayed = phone().post("/webhooks/twilio/sms", Map.of("MessageSid", sid + "NumMedia0",
        "From", "+15557770196", "To", DEMO_NUMBER, "Body", "hi", "AccountSid", "AC00000000000000000000000000000001"));
    assertThat(replayed.status()).isEqualTo(400);
    assertThat(replayed.body()).contains("MessageSid is not a Twilio message id");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void aTwilioStatusCallbackWithAnIdTooLongToIndex_isA400() {
    long before = stored();
    WebhookResponse response = phone().post("/webhooks/twilio/sms/status", Map.of("MessageSid", "SM" + "a".repeat(5000),
        "MessageStatus", "delivered", "To", "+15557770197", "From", DEMO_NUMBER, "AccountSid", "AC00000000000000000000000000000001"));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("MessageSid is not a Twilio message id");
    assertThat(stored()).isEqualTo(before);
  }
}
