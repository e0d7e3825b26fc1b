package io.textback.worker.crm.gohighlevel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.testkit.HighLevelFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What a person does in HighLevel by hand, for the tests: a contact typed in (the fake's own upsert). */
final class HighLevelClientTestSupport {
  private HighLevelClientTestSupport() {}

  static String createContact(HighLevelFake highLevel, String locationId, String phone) throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(highLevel.baseUrl()
            + "/contacts/upsert")).header("Content-Type", "application/json").header("Version", "2021-07-28")
        .header("Authorization", "Bearer " + io.textback.worker.support.TestInfrastructure.HIGHLEVEL_PIT)
        .POST(HttpRequest.BodyPublishers.ofString("{\"locationId\":\"" + locationId + "\",\"phone\":\"" + phone
            + "\",\"firstName\":\"Pat\",\"source\":\"Typed in\"}")).build(), HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(answer.body()).path("contact").path("id").asText();
  }
}
