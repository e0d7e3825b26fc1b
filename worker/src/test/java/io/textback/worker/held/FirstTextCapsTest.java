package io.textback.worker.held;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.testkit.TwilioPhone.Call;
import io.textback.worker.form.FormSignature;
import io.textback.worker.support.WorkerIntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SMS pumping: a burst of calls or forms from new numbers makes the business pay a first text each.
 * Capped HVAC takes 4 first texts an hour, 2 per number range, 3 forms an hour per address; over
 * that a text is held until an admin releases or discards it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstTextCapsTest extends WorkerIntegrationTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  Call missedCall(String caller) {
    Call call = phone().call(caller, CAPPED_NUMBER);
    call.missed();
    call.hangsUpAtGreeting();
    return call;
  }

  void awaitText(String caller) {
    await().atMost(Duration.ofSeconds(10)).until(() -> twilio().sentTo(caller).size() == 1);
  }

  String heldReason(Call call) {
    return await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
            "select reason from sms_outbox where idempotency_key = :k and status = 'HELD'")
        .param("k", call.callSid() + ":text-back").query(String.class).optional().orElse(null), r -> r != null);
  }

  HttpResponse<String> api(String method, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", ADMIN_AUTH).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  String decide(Call call, String decision) throws Exception {
    HttpResponse<String> answer = api("POST", "/api/held-texts/"
        + URLEncoder.encode(call.callSid() + ":text-back", StandardCharsets.UTF_8) + "/" + decision);
    return answer.statusCode() + " " + answer.body();
  }

  String notTextedReason(Call call) {
    return await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
            "select reason from journey_event where journey_key = :k and kind = 'not_texted'")
        .param("k", call.callSid()).query(String.class).optional().orElse(null), r -> r != null);
  }

  @Test
  @Order(1)
  void aThirdNewNumberOfOneRangeInAnHour_isHeld_andAnAdminReleasesIt() throws Exception {
    missedCall("+15557770001");
    missedCall("+15557770002");
    awaitText("+15557770001");
    awaitText("+15557770002");

    Call third = missedCall("+15557770003");

    assertThat(heldReason(third)).isEqualTo("number_range_hourly_cap");
    assertThat(twilio().sentTo("+15557770003")).isEmpty();
    JsonNode held = JSON.readTree(api("GET", "/api/held-texts").body()).get("held");
    assertThat(held).anySatisfy(text -> {
      assertThat(text.get("idempotencyKey").asText()).isEqualTo(third.callSid() + ":text-back");
      assertThat(text.get("to").asText()).isEqualTo("+15557770003");
      assertThat(text.get("businessId").asText()).isEqualTo("capped-hvac");
      assertThat(text.get("body").asText()).contains("Capped HVAC");
    });

    assertThat(decide(third, "release")).startsWith("200");

    awaitText("+15557770003");
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
            "select count(*) from conversation where phone = '+15557770003' and state = 'OPEN'").query(Long.class).single() == 1);
    assertThat(decide(third, "release")).as("decided once").startsWith("409");
    assertThat(twilio().sentTo("+15557770003")).hasSize(1);
  }

  @Test
  @Order(2)
  void overTheBusinessesHourlyCap_held_andAnAdminDiscardsIt() throws Exception {
    missedCall("+15558880001");
    missedCall("+15559990001");
    awaitText("+15558880001");
    awaitText("+15559990001");

    Call fifth = missedCall("+15556660001");

    assertThat(heldReason(fifth)).isEqualTo("business_hourly_cap");
    assertThat(decide(fifth, "discard")).startsWith("200");
    assertThat(notTextedReason(fifth)).isEqualTo("held_discarded");
    assertThat(decide(fifth, "release")).as("a discarded text stays unsent").startsWith("409");
    assertThat(twilio().sentTo("+15556660001")).isEmpty();
  }

  @Test
  @Order(3)
  void aHeldTextNobodyDecidesInADay_isDropped() throws Exception {
    Call held = missedCall("+15556550001");
    assertThat(heldReason(held)).isEqualTo("business_hourly_cap");

    engine().increaseTime(Duration.ofHours(24));

    assertThat(notTextedReason(held)).isEqualTo("held_not_released");
    assertThat(jdbc.sql("select status || ' ' || reason from sms_outbox where idempotency_key = :k")
        .param("k", held.callSid() + ":text-back").query(String.class).single()).isEqualTo("REFUSED held_not_released");
    assertThat(api("GET", "/api/held-texts").body()).doesNotContain(held.callSid());
    assertThat(decide(held, "release")).startsWith("409");
    assertThat(twilio().sentTo("+15556550001")).isEmpty();
  }

  @Test
  @Order(4)
  void theStaffsOwnNumbersAndAKnownLead_areNeverHeld() throws Exception {
    // +15557770001 was texted in the first test: a second journey's text to it is no first text
    phone().text("+15557770001", CAPPED_NUMBER, "STOP"); // ends the open conversation
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
        "select count(*) from conversation where phone = '+15557770001' and state = 'OPEN'").query(Long.class).single() == 0);
    phone().text("+15557770001", CAPPED_NUMBER, "START");
    Call again = missedCall("+15557770001");
    await().atMost(Duration.ofSeconds(10)).until(() -> twilio().sentTo("+15557770001").size() >= 2);
    // the fake has the text before the send step writes its result down
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select status from sms_outbox where idempotency_key = :k")
        .param("k", again.callSid() + ":text-back").query(String.class).single(), "SENT"::equals);
  }

  HttpResponse<String> formFrom(String ip) throws Exception {
    String body = JSON.writeValueAsString(java.util.Map.of("submissionId", UUID.randomUUID().toString(),
        "email", "lead-" + UUID.randomUUID() + "@example.com", "message", "hi", "ip", "198.51.100.9"));
    return form(body, ip);
  }

  /** A form as the site's server relays it, naming its visitor's address. */
  HttpResponse<String> form(String body, String visitor) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/forms/capped-hvac"))
        .header("Content-Type", "application/json").header("X-Textback-Visitor-Ip", visitor)
        .header(FormSignature.HEADER, FormSignature.sign(FORM_SECRET, body.getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(5)
  void aFourthFormFromOneAddressInAnHour_is429WithRetryAfter_otherAddressesCarryOn() throws Exception {
    // the visitor's address is the site's header; an "ip" form field (the visitor's own words) is not
    String first = JSON.writeValueAsString(java.util.Map.of("submissionId", "capped-form-1", "email", "a@example.com"));
    assertThat(form(first, "203.0.113.7").statusCode()).isEqualTo(422); // no phone: stored, and counted
    assertThat(formFrom("203.0.113.7").statusCode()).isEqualTo(422);
    assertThat(formFrom("203.0.113.7").statusCode()).isEqualTo(422);

    HttpResponse<String> fourth = formFrom("203.0.113.7");

    assertThat(fourth.statusCode()).isEqualTo(429);
    assertThat(fourth.body()).contains("too many forms from this address").contains("3 an hour");
    long retryAfter = Long.parseLong(fourth.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(3000L, 3600L);
    assertThat(form(first, "203.0.113.7").statusCode()).as("a repeat of a stored form is still taken").isNotEqualTo(429);
    assertThat(formFrom("2001:db8::7").statusCode()).isEqualTo(422);
    assertThat(formFrom("2001:0db8:0:0::8").statusCode()).as("one /64, however written").isEqualTo(422);
    assertThat(formFrom("2001:db8::ffff:1").statusCode()).isEqualTo(422);
    assertThat(formFrom("2001:db8:0:0:1::9").statusCode()).as("the fourth from that /64").isEqualTo(429);
    assertThat(formFrom("2001:db8:0:1::1").statusCode()).as("another /64").isEqualTo(422);
    assertThat(jdbc.sql("select count(*) from inbound_event where rate_key = 'form:capped-hvac:203.0.113.7'")
        .query(Long.class).single()).isEqualTo(3);
  }
}
