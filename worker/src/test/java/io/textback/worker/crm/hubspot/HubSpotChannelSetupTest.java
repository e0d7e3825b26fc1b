package io.textback.worker.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.textback.worker.support.TestInfrastructure;
import io.textback.worker.support.WorkerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Connecting the businesses' numbers to their HubSpot inboxes: once, and again with nothing new. */
class HubSpotChannelSetupTest extends WorkerIntegrationTest {
  final ObjectMapper json = new ObjectMapper();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  HttpResponse<String> connect(String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/hubspot/channel"))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode business(JsonNode report, String id) {
    for (JsonNode b : report.get("businesses")) {
      if (b.get("business").asText().equals(id)) {
        return b;
      }
    }
    throw new AssertionError("no " + id + " in " + report);
  }

  List<ServeEvent> hubspotRequests(String pathPart) {
    return hubspot().wireMock().getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().contains(pathPart)).toList();
  }

  @Test
  void theChannelIsRegisteredOnce_andEachNumberConnectedOnce() throws Exception {
    assertThat(connect(null).statusCode()).isEqualTo(401);

    HttpResponse<String> first = connect(ADMIN_AUTH);
    assertThat(first.statusCode()).isEqualTo(200);
    JsonNode report = json.readTree(first.body());
    String channelId = report.get("channelId").asText();
    JsonNode demo = business(report, "demo-plumbing");
    assertThat(demo.get("channelId").asText()).isEqualTo(channelId);
    assertThat(demo.get("inboxId").asText()).isEqualTo("147");
    assertThat(demo.get("action").asText()).isIn("connected", "already connected");
    assertThat(demo.get("advice").asText()).contains("set hubspot.channel-account-id=" + demo.get("channelAccountId").asText());

    JsonNode again = json.readTree(connect(ADMIN_AUTH).body());
    assertThat(again.get("channelAction").asText()).isEqualTo("found");
    assertThat(again.get("channelId").asText()).isEqualTo(channelId);
    assertThat(business(again, "demo-plumbing").get("action").asText()).isEqualTo("already connected");
    assertThat(business(again, "demo-plumbing").get("channelAccountId").asText()).isEqualTo(demo.get("channelAccountId").asText());
    assertThat(business(again, "late-electric").get("action").asText()).isEqualTo("already connected");

    List<ServeEvent> registrations = hubspotRequests("/conversations/custom-channels/2026-03?").stream()
        .filter(e -> e.getRequest().getMethod().getName().equals("POST")).toList();
    assertThat(registrations).hasSizeLessThanOrEqualTo(1);
    if (!registrations.isEmpty()) {
      JsonNode channel = json.readTree(registrations.get(0).getRequest().getBodyAsString());
      assertThat(channel.get("webhookUrl").asText()).isEqualTo(TestInfrastructure.PUBLIC_BASE_URL + HubSpotWebhookController.CHANNEL_PATH);
      assertThat(channel.at("/capabilities/deliveryIdentifierTypes/0").asText()).isEqualTo("HS_PHONE_NUMBER");
      assertThat(registrations.get(0).getRequest().getUrl()).contains("appId=7").contains("hapikey=test-developer-key");
    }
    long connections = hubspotRequests("/channel-accounts").stream()
        .filter(e -> e.getRequest().getMethod().getName().equals("POST"))
        .filter(e -> e.getRequest().getBodyAsString().contains(DEMO_NUMBER)).count();
    assertThat(connections).as("the demo number connected once").isEqualTo(1);
  }
}
