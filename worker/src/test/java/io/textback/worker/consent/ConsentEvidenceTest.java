package io.textback.worker.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.testkit.TwilioPhone.Call;
import io.textback.worker.form.FormSignature;
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

/** What gave consent to text each lead, and when: kept, shown per journey and exported as CSV. */
class ConsentEvidenceTest extends WorkerIntegrationTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", ADMIN_AUTH)
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode consentOfJourney(String maskedEnd) throws Exception {
    for (JsonNode j : JSON.readTree(get("/api/journeys?business=demo-plumbing&limit=500").body())) {
      if (j.path("phone").asText().endsWith(maskedEnd) && j.path("consent").size() > 0) {
        return j.path("consent");
      }
    }
    return JSON.createArrayNode();
  }

  @Test
  void theCallItsGreetingAndTheLeadsTexts_areKeptAndShownWithTheJourney() throws Exception {
    String caller = newCaller();
    Call call = missedAndTextedBack(caller, DEMO_NUMBER);
    phone().text(caller, DEMO_NUMBER, "Yes please, the sink is leaking");
    call.missed(); // Twilio repeats a callback: the record stays one

    JsonNode consent = await().atMost(Duration.ofSeconds(10)).until(() -> consentOfJourney(caller.substring(caller.length() - 4)),
        c -> c.size() == 2);
    assertThat(consent.get(0).path("source").asText()).isEqualTo("call");
    assertThat(consent.get(0).path("reference").asText()).isEqualTo(call.callSid());
    assertThat(consent.get(0).path("words").asText()).startsWith("Sorry, we can't take your call right now.");
    assertThat(consent.get(1).path("source").asText()).isEqualTo("text");
    assertThat(consent.get(1).path("words").asText()).isEqualTo("Yes please, the sink is leaking");
  }

  @Test
  void aFormsConsentField_itsPageAndTheWordsBesideTheCheckbox_goToTheCsvExport() throws Exception {
    String lead = newCaller();
    String id = UUID.randomUUID().toString();
    String body = "{\"submissionId\":\"" + id + "\",\"name\":\"Ann Lee\",\"phone\":\"" + lead + "\",\"consent\":\"yes\","
        + "\"page\":\"https://demo-plumbing.example/contact\",\"consent_text\":\"=HYPERLINK(\\\"x\\\") I agree to texts, \\\"Reply STOP\\\"\"}";
    HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/forms/demo-plumbing"))
        .header("Content-Type", "application/json").header(FormSignature.HEADER, FormSignature.sign(FORM_SECRET,
            body.getBytes(StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(202);

    HttpResponse<String> csv = get("/api/consent.csv?business=demo-plumbing");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    String row = csv.body().lines().filter(l -> l.contains(id)).findFirst().orElseThrow();
    assertThat(row).startsWith("demo-plumbing," + lead + ",form," + id + ",")
        .contains(",\"'=HYPERLINK(\"\"x\"\") I agree to texts, \"\"Reply STOP\"\"\",")
        .endsWith(",https://demo-plumbing.example/contact,yes");
    assertThat(csv.body().lines().findFirst().orElseThrow())
        .isEqualTo("business,phone,source,reference,given_at,words,page,consent_field");
  }

  @Test
  void theExportRefusesWhatItCannotRead() throws Exception {
    assertThat(get("/api/consent.csv?business=nobody").statusCode()).isEqualTo(404);
    assertThat(get("/api/consent.csv?business=demo-plumbing&from=yesterday").statusCode()).isEqualTo(400);
    assertThat(get("/api/consent.csv?business=demo-plumbing&from=2026-12-02&to=2026-11-01").statusCode()).isEqualTo(400);
    String today = java.time.LocalDate.now(java.time.ZoneId.of("America/Chicago")).toString();
    assertThat(get("/api/consent.csv?business=demo-plumbing&from=2020-01-01&to=2020-01-31").body().lines().count()).isEqualTo(1);
    assertThat(get("/api/consent.csv?business=demo-plumbing&from=2020-01-01&to=" + today).statusCode()).isEqualTo(200);
  }
}
