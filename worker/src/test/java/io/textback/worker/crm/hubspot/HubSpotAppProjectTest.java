package io.textback.worker.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.RequestLine;
import io.textback.connector.hubspot.api.HubSpotConversationsApi;
import io.textback.connector.hubspot.api.HubSpotCrmApi;
import io.textback.connector.hubspot.api.HubSpotScopes;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** hubspot-app/ (what a HubSpot admin uploads) asks for and points at exactly what the worker uses and serves. */
class HubSpotAppProjectTest {
  static final Path APP = Path.of("../hubspot-app");
  final ObjectMapper json = new ObjectMapper();

  JsonNode read(String file) throws IOException {
    return json.readTree(Files.readString(APP.resolve(file)));
  }

  String workerUrl() throws IOException {
    Matcher m = Pattern.compile("WORKER_URL = '([^']+)'").matcher(Files.readString(APP.resolve("src/app/cards/config.ts")));
    assertThat(m.find()).as("WORKER_URL in config.ts").isTrue();
    return m.group(1);
  }

  @Test
  void theProjectIsOnPlatform2026_03() throws IOException {
    JsonNode project = read("hsproject.json");
    assertThat(project.get("platformVersion").asText()).isEqualTo("2026.03");
    assertThat(Files.isDirectory(APP.resolve(project.get("srcDir").asText()))).isTrue();
    JsonNode app = read("src/app/app-hsmeta.json").get("config");
    assertThat(app.get("distribution").asText()).isEqualTo("private");
    assertThat(app.at("/auth/type").asText()).isEqualTo("static");
  }

  @Test
  void theAppAsksForExactlyTheScopesOfTheCallsTheWorkerMakes() throws IOException {
    List<String> calls = new ArrayList<>();
    for (Class<?> api : List.of(HubSpotCrmApi.class, HubSpotConversationsApi.class)) {
      for (Method method : api.getMethods()) {
        RequestLine line = method.getAnnotation(RequestLine.class);
        if (line != null) {
          calls.add(line.value());
        }
      }
    }
    assertThat(calls).isNotEmpty();
    assertThat(HubSpotScopes.BY_CALL.keySet()).as("a scope for every HubSpot call").containsAll(calls);
    assertThat(calls).as("no scope for a call the worker does not make").containsAll(HubSpotScopes.BY_CALL.keySet());

    Set<String> asked = new TreeSet<>();
    read("src/app/app-hsmeta.json").at("/config/auth/requiredScopes").forEach(s -> asked.add(s.asText()));
    assertThat(asked).isEqualTo(HubSpotScopes.required());
  }

  @Test
  void theCardFetchesOnlyTheWorker_atThePathsItServes() throws IOException {
    String url = workerUrl();
    JsonNode fetch = read("src/app/app-hsmeta.json").at("/config/permittedUrls/fetch");
    assertThat(fetch).hasSize(1);
    assertThat(fetch.get(0).asText()).isEqualTo(url);

    String config = Files.readString(APP.resolve("src/app/cards/config.ts"));
    assertThat(config).contains("`" + LeadJourneyController.PATH.replace("{contactId}", "${encodeURIComponent(contactId)}") + "`");
    assertThat(config).contains("`/api/leads/${encodeURIComponent(contactId)}/automation`");

    JsonNode card = read("src/app/cards/journey-card-hsmeta.json").get("config");
    assertThat(card.get("location").asText()).isEqualTo("crm.record.tab");
    // HubSpot's app-card reference (developer platform 2025.2 and later) names the object "contacts":
    // https://developers.hubspot.com/docs/apps/developer-platform/add-features/ui-extensibility/app-cards/reference
    assertThat(card.get("objectTypes")).hasSize(1);
    assertThat(card.get("objectTypes").get(0).asText()).isEqualTo("contacts");
    assertThat(Files.exists(APP.resolve("src" + card.get("entrypoint").asText()))).as("the card's entrypoint").isTrue();
  }

  @Test
  void theWebhooksGoToTheWorkersHubSpotPath_forDealStageChanges() throws IOException {
    JsonNode webhooks = read("src/app/webhooks/webhooks-hsmeta.json").get("config");
    assertThat(webhooks.at("/settings/targetUrl").asText()).isEqualTo(workerUrl() + HubSpotWebhookController.APP_PATH);
    JsonNode subscription = webhooks.at("/subscriptions/crmObjects/0");
    assertThat(subscription.get("subscriptionType").asText()).isEqualTo("object.propertyChange");
    assertThat(subscription.get("objectType").asText()).isEqualTo("deal");
    assertThat(subscription.get("propertyName").asText()).isEqualTo("dealstage");
    assertThat(webhooks.at("/subscriptions/crmObjects")).hasSize(1);
  }
}
