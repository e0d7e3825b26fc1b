package io.textback.worker.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.textback.worker.support.WorkerIntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A business that chose strict replies: its own answers keep to the lead's texting hours too. Cool
 * Air's window here is one minute past midnight, so an answer is outside it whenever the test runs
 * (the worker reads the wall clock, as in production).
 */
@TestPropertySource(properties = {"textback.businesses[1].compliance.strict-replies=true",
    "textback.businesses[1].quiet-hours=00:00-00:01"})
class StrictRepliesTest extends WorkerIntegrationTest {
  static final String COOL_NUMBER = "+15550200000";

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  @Test
  void anAnswerOutsideTheLeadsTextingHours_isRefusedWithTheNextAllowedMinute() throws Exception {
    LocalTime nowInNewYork = LocalTime.now(ZoneId.of("America/New_York"));
    Assumptions.assumeFalse(nowInNewYork.isAfter(LocalTime.of(23, 58)) || nowInNewYork.isBefore(LocalTime.of(0, 3)),
        "inside the one-minute window");
    String caller = newCaller();
    missedAndTextedBack(caller, COOL_NUMBER);
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from conversation where phone = :p and state = 'OPEN'")
        .param("p", caller).query(Long.class).single() == 1);

    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/conversations/" + URLEncoder.encode("cool-air:" + caller, StandardCharsets.UTF_8) + "/replies"))
        .header("Content-Type", "application/json").header("Authorization", ADMIN_AUTH)
        .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"We can come at 3pm.\"}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(409);
    assertThat(answer.body()).contains("outside the lead's texting hours").contains("\"nextAllowed\"");
    assertThat(twilio().sentTo(caller)).hasSize(1);
  }
}
