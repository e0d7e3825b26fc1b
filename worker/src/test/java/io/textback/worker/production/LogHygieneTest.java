package io.textback.worker.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.textback.worker.support.TestInfrastructure;
import io.textback.worker.support.WorkerIntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A whole journey (call, text, reply, answer, HubSpot) logs no secret and no full phone number. */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneTest extends WorkerIntegrationTest {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  @Test
  void aWholeJourney_logsNeitherSecretsNorFullNumbers(CapturedOutput output) throws Exception {
    String caller = newCaller();
    var call = phone().call(caller, DEMO_NUMBER);
    call.missed();
    call.hangsUpAtGreeting();
    await().atMost(Duration.ofSeconds(10)).until(() -> twilio().sentTo(caller).size() == 1);
    phone().text(caller, DEMO_NUMBER, "Yes, the boiler");
    await().atMost(Duration.ofSeconds(10)).until(() -> engine().isWaitingFor("agent-replied", "demo-plumbing:" + caller));
    var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/conversations/" + URLEncoder.encode("demo-plumbing:" + caller, StandardCharsets.UTF_8) + "/replies"))
        .header("Content-Type", "application/json").header("Authorization", ADMIN_AUTH)
        .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"See you at 3\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(20)).until(() -> hubspot().records("0-3").stream()
        .anyMatch(deal -> ("Missed call from " + caller).equals(deal.properties().get("dealname"))));

    assertThat(output.getAll()).as("the journey was logged").contains(caller.substring(caller.length() - 4));
    assertThat(output.getAll())
        .doesNotContain(TestInfrastructure.AUTH_TOKEN)
        .doesNotContain("pat-na1-demo")
        .doesNotContain("test-client-secret")
        .doesNotContain(FORM_SECRET)
        .doesNotContain(ADMIN_PASSWORD)
        .doesNotContain(caller)
        .doesNotContain(caller.substring(2));
  }

  @Test
  void refusedRequests_logTheirPathMaskedAndEscaped(CapturedOutput output) throws Exception {
    String stranger = newCaller();
    var refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/conversations/" + URLEncoder.encode("demo-plumbing:" + stranger, StandardCharsets.UTF_8) + "/replies"))
        .header("Content-Type", "application/json").header("Authorization", ADMIN_AUTH)
        .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"hi\"}")).build(), HttpResponse.BodyHandlers.ofString());
    var escape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/webhooks/forms/%1B%5B31mevil")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(escape.statusCode()).isBetween(400, 404);
    assertThat(output.getAll()).contains("***" + stranger.substring(stranger.length() - 4))
        .doesNotContain(stranger.substring(2)).doesNotContain("\u001b[31m");
  }
}
