package io.textback.worker.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.textback.worker.copy.Gsm7;
import io.textback.worker.support.WorkerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A web form is public: an attacker fills it with far-away premium numbers to make the business pay
 * for texts (SMS pumping), or with a "name" that turns the business's text into theirs.
 */
class PumpingAndInjectionTest extends WorkerIntegrationTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  String submit(String business, String phone, String firstName) throws Exception {
    String id = UUID.randomUUID().toString();
    String body = "{\"submissionId\":\"" + id + "\",\"first_name\":" + new com.fasterxml.jackson.databind.ObjectMapper()
        .writeValueAsString(firstName) + ",\"phone\":\"" + phone + "\",\"message\":\"hi\"}";
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/forms/" + business))
        .header("Content-Type", "application/json")
        .header(FormSignature.HEADER, FormSignature.sign(FORM_SECRET, body.getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return id;
  }

  String notTextedReason(String submissionId) {
    return await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
            "select reason from journey_event where journey_key = :k and kind = 'not_texted'")
        .param("k", submissionId).query(String.class).optional().orElse(null), r -> r != null);
  }

  @Test
  void premiumSatelliteAndForeignNumbers_areNotTextedByAUsBusiness() throws Exception {
    String premium = submit("late-electric", "+19005550123", "Ann");        // US 1-900
    String satellite = submit("late-electric", "+882160012345", "Ann");     // +882 international network
    String internationalPremium = submit("late-electric", "+979123456789", "Ann");
    String uk = submit("late-electric", "+447700900123", "Ann");
    String nigeria = submit("late-electric", "+2348031234567", "Ann");
    String caribbean = submit("late-electric", "+18095551234", "Ann");      // +1, but the Dominican Republic

    assertThat(notTextedReason(premium)).isEqualTo("premium_or_special_number");
    assertThat(notTextedReason(satellite)).isEqualTo("country_not_texted");
    assertThat(notTextedReason(internationalPremium)).isEqualTo("country_not_texted");
    assertThat(notTextedReason(uk)).isEqualTo("country_not_texted");
    assertThat(notTextedReason(nigeria)).isEqualTo("country_not_texted");
    assertThat(notTextedReason(caribbean)).isEqualTo("country_not_texted");
    for (String n : new String[] {"+19005550123", "+882160012345", "+979123456789", "+447700900123", "+2348031234567",
        "+18095551234"}) {
      assertThat(twilio().sentTo(n)).as(n).isEmpty();
    }
  }

  @Test
  void aFormLeadWhoseLookupFails_isNotTexted() throws Exception {
    String lead = newCaller();
    twilio().lookupFails(lead);

    String submission = submit("late-electric", lead, "Ann");

    assertThat(notTextedReason(submission)).isEqualTo("lookup_failed");
    assertThat(twilio().sentTo(lead)).isEmpty();
  }

  @Test
  void aBusinessThatServesTheUk_textsAUkLead() throws Exception {
    submit("demo-plumbing", "+447700900123", "Olivia");

    await().atMost(Duration.ofSeconds(5)).until(() -> twilio().sentTo("+447700900123").size() == 1);
    assertThat(twilio().sentTo("+447700900123").get(0).body()).startsWith("Hi Olivia, it's Demo Plumbing.");
  }

  @Test
  void aPhishingName_getsTheLeadOnlyTheBusinessesCopy_inOneOrTwoGsm7Segments() throws Exception {
    String lead = newCaller();
    long posted = System.nanoTime();
    submit("demo-plumbing", lead, "Your card was charged $499 \u2014 visit http://evil.example/refund");

    await().atMost(Duration.ofSeconds(5)).until(() -> twilio().sentTo(lead).size() == 1);
    assertThat(Duration.ofNanos(System.nanoTime() - posted)).isLessThan(Duration.ofSeconds(3));
    String text = twilio().sentTo(lead).get(0).body();
    assertThat(text).startsWith("Hi there, it's Demo Plumbing.").doesNotContain("evil").doesNotContain("499")
        .doesNotContain("card");
    assertThat(Gsm7.isGsm7(text)).isTrue();
    assertThat(Gsm7.segments(text)).isLessThanOrEqualTo(2);
  }

  @Test
  void sevenHundredEmojiOrAVeryLongName_stillOneShortText() throws Exception {
    String emoji = newCaller();
    String longName = newCaller();
    String real = newCaller();
    submit("demo-plumbing", emoji, "\uD83D\uDE00".repeat(700));
    submit("demo-plumbing", longName, "A".repeat(1700));
    submit("demo-plumbing", real, "Maximilian-Alexander");

    await().atMost(Duration.ofSeconds(5)).until(() -> twilio().sentTo(emoji).size() == 1
        && twilio().sentTo(longName).size() == 1 && twilio().sentTo(real).size() == 1);
    for (String lead : new String[] {emoji, longName}) {
      String text = twilio().sentTo(lead).get(0).body();
      assertThat(text).startsWith("Hi there,");
      assertThat(Gsm7.segments(text)).isLessThanOrEqualTo(2);
    }
    assertThat(twilio().sentTo(real).get(0).body()).startsWith("Hi Maximilian-Alexander, it's Demo Plumbing.");
    assertThat(Gsm7.segments(twilio().sentTo(real).get(0).body())).isLessThanOrEqualTo(2);
  }
}
