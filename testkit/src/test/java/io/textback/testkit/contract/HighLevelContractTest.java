package io.textback.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.testkit.HighLevelFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HighLevel fake refuses what HighLevel would refuse, in HighLevel's error shape, and says why. */
class HighLevelContractTest {
  static HighLevelFake highLevel;
  final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    highLevel = HighLevelFake.start(0);
  }

  @AfterAll
  static void stop() {
    highLevel.close();
  }

  HttpResponse<String> upsert(String version, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(highLevel.baseUrl() + "/contacts/upsert"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    if (version != null) {
      b.header("Version", version);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anUpsertAsTheSpecWritesIt_isAnswered200() throws Exception {
    var answer = upsert("2021-07-28", "{\"locationId\":\"loc-1\",\"phone\":\"+15551260001\",\"source\":\"Missed call\"}", "pit");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(json.readTree(answer.body()).path("contact").path("id").asText()).isNotBlank();
    assertThat(ContractViolations.take()).isEmpty();
  }

  @Test
  void noVersionHeader_orAnotherServicesVersion_isRefusedNamingIt() throws Exception {
    String body = "{\"locationId\":\"loc-1\",\"phone\":\"+15551260002\"}";
    var none = upsert(null, body, "pit");
    var conversationsVersion = upsert("2021-04-15", body, "pit");

    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(json.readTree(none.body()).path("message").asText()).contains("the header Version is required");
    assertThat(conversationsVersion.statusCode()).isEqualTo(400);
    assertThat(json.readTree(conversationsVersion.body()).path("message").asText()).contains("2021-07-28");
    assertThat(ContractViolations.take()).hasSize(2);
  }

  @Test
  void anUndocumentedField_isRefused() throws Exception {
    var answer = upsert("2021-07-28", "{\"locationId\":\"loc-1\",\"phone\":\"+15551260003\",\"additionalPhones\":[]}", "pit");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(json.readTree(answer.body()).path("statusCode").asInt()).isEqualTo(400);
    assertThat(ContractViolations.take()).singleElement().satisfies(v -> assertThat(v.problem()).contains("additionalPhones"));
  }

  @Test
  void noToken_isHighLevelsUnauthorized() throws Exception {
    var answer = upsert("2021-07-28", "{\"locationId\":\"loc-1\"}", null);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(json.readTree(answer.body()).path("error").asText()).isEqualTo("Unauthorized");
    ContractViolations.take();
  }
}
