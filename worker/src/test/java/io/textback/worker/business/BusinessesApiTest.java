package io.textback.worker.business;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.worker.support.WorkerIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A business added through /api/businesses, with no YAML and no restart: checked by the businesses
 * file's own rules, texting back its first missed call at once, changed later, and every change kept
 * with who made it.
 */
class BusinessesApiTest extends WorkerIntegrationTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  static String business(String id, String number, String missedCall) {
    return """
        {"id": "%s", "name": "Fresh Sparks", "twilioNumber": "%s", "forwardTo": "+15550770001",
         "openingHours": {"monday": "00:00-24:00", "tuesday": "00:00-24:00", "wednesday": "00:00-24:00",
           "thursday": "00:00-24:00", "friday": "00:00-24:00", "saturday": "00:00-24:00", "sunday": "00:00-24:00"},
         "dispatcherPhone": "+15550770002", "timers": {"responseSla": "10m"},
         "copy": {"missedCall": "%s"}}""".formatted(id, number, missedCall);
  }

  @Test
  void aBusinessAddedThroughTheApi_textsBackItsFirstCall_withoutARestart_andKeepsWhoChangedIt() throws Exception {
    String suffix = String.format("%04d", (int) (System.nanoTime() % 10000));
    String id = "fresh-sparks-" + suffix;
    String number = "+1555077" + suffix;
    HttpResponse<String> created = api("POST", "/api/businesses", business(id, number,
        "Hi, it's {business}. Sorry we missed your call! What do you need fixed? Reply STOP to opt out."));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode answer = JSON.readTree(created.body());
    assertThat(answer.get("id").asText()).isEqualTo(id);
    assertThat(answer.get("formSecret").asText()).as("the form secret, shown once").hasSizeGreaterThanOrEqualTo(32);
    assertThat(api("GET", "/api/businesses", null).body()).contains(id);
    assertThat(api("GET", "/api/inbox?business=" + id, null).body()).contains("\"responseSlaSeconds\":600");

    String caller = newCaller();
    missedAndTextedBack(caller, number);
    assertThat(twilio().sentTo(caller).get(0).body())
        .isEqualTo("Hi, it's Fresh Sparks. Sorry we missed your call! What do you need fixed? Reply STOP to opt out.");
    assertThat(twilio().sentTo(caller).get(0).from()).isEqualTo(number);

    HttpResponse<String> changed = api("PUT", "/api/businesses/" + id, business(id, number,
        "Hi, it's {business}. We missed you! What can we fix? Reply STOP to opt out."));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    String second = newCaller();
    missedAndTextedBack(second, number);
    assertThat(twilio().sentTo(second).get(0).body()).isEqualTo("Hi, it's Fresh Sparks. We missed you! What can we fix? Reply STOP to opt out.");

    JsonNode changes = JSON.readTree(api("GET", "/api/businesses/" + id + "/changes", null).body());
    assertThat(changes).hasSize(2);
    assertThat(changes.get(0).get("change").asText()).isEqualTo("created");
    assertThat(changes.get(1).get("change").asText()).isEqualTo("updated");
    assertThat(changes.get(1).get("changedBy").asText()).isEqualTo(ADMIN);
    assertThat(changes.toString()).as("the secret stays out of the log").doesNotContain(answer.get("formSecret").asText());
    // kept for the next start, the form secret with it
    assertThat(jdbc.sql("select settings->>'formSecret' from business_setting where id = :id").param("id", id)
        .query(String.class).single()).isEqualTo(answer.get("formSecret").asText());
  }

  @Test
  void settingsThatBreakTheRules_areRefusedWithEachRule_andChecksRunAsTheyAreTyped() throws Exception {
    String bad = business("broken-copy", "+15550779999", "Call us back!").replace("+15550770001", "12");
    HttpResponse<String> refused = api("POST", "/api/businesses", bad);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("forward-to must be a valid phone number")
        .contains("must appear within the first six words").contains("must say that the call was missed");
    assertThat(api("GET", "/api/businesses", null).body()).doesNotContain("broken-copy");

    JsonNode check = JSON.readTree(api("POST", "/api/businesses/check", bad).body());
    assertThat(check.get("problems")).hasSizeGreaterThanOrEqualTo(3);
    JsonNode fine = JSON.readTree(api("POST", "/api/businesses/check", business("fine-one", "+15550779998",
        "Hi, it's {business}. Sorry we missed your call! What can we help with? Reply STOP to opt out.")).body());
    assertThat(fine.get("problems")).isEmpty();
    HttpResponse<String> shape = api("POST", "/api/businesses/check", "{\"id\": \"x\", \"ringCount\": \"four\"}");
    assertThat(shape.body()).contains("ring-count");
  }

  @Test
  void anotherBusinesssIdOrNumber_andTheConfigurationsBusinesses_areNotTaken() throws Exception {
    String ok = "Hi, it's {business}. Sorry we missed your call! What can we help with? Reply STOP to opt out.";
    assertThat(api("POST", "/api/businesses", business("demo-plumbing", "+15550778888", ok)).statusCode()).isEqualTo(409);
    HttpResponse<String> number = api("POST", "/api/businesses", business("copy-cat", DEMO_NUMBER, ok));
    assertThat(number.statusCode()).isEqualTo(409);
    assertThat(number.body()).contains("demo-plumbing");
    HttpResponse<String> configured = api("PUT", "/api/businesses/demo-plumbing", business("demo-plumbing", DEMO_NUMBER, ok));
    assertThat(configured.statusCode()).isEqualTo(409);
    assertThat(configured.body()).contains("configuration");
    assertThat(api("PUT", "/api/businesses/nobody-here", business("nobody-here", "+15550778887", ok)).statusCode()).isEqualTo(404);
  }
}
