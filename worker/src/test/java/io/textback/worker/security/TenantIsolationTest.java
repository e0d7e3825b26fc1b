package io.textback.worker.security;

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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A member of Cool Air HVAC reaches for Demo Plumbing's data through every /api route the worker
 * has: each answers as if it did not exist (404), or refuses a member outright (403, the
 * installation's own setup), and nothing is sent or changed. A new route without a case here fails
 * the test, so no route is added unguarded.
 */
class TenantIsolationTest extends WorkerIntegrationTest {
  static final String MEMBER = "Basic " + Base64.getEncoder()
      .encodeToString((COOL_MEMBER + ":" + COOL_MEMBER_PASSWORD).getBytes(StandardCharsets.UTF_8));
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  HttpResponse<String> as(String auth, String method, String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", auth).header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
        .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{\"body\":\"hi\",\"paused\":true}"));
    if (path.contains("/stream")) {
      // a stream the member may open would never end: only its status is read
      return HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
          .completeOnTimeout(null, 3, java.util.concurrent.TimeUnit.SECONDS).get();
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Every /api route the worker serves, as "METHOD pattern". */
  Set<String> apiRoutes() {
    Set<String> routes = new TreeSet<>();
    mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream().filter(p -> p.startsWith("/api/"))
        .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> routes.add(m.name() + " " + p))));
    return routes;
  }

  @Test
  void aMemberOfOneBusiness_cannotSeeOrActOnAnother_throughAnyRoute() throws Exception {
    // Demo Plumbing's data: an open conversation, and a first text held by its cap
    String caller = newCaller();
    missedAndTextedBack(caller, DEMO_NUMBER);
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from conversation where phone = :p"
        + " and state = 'OPEN'").param("p", caller).query(Long.class).single() == 1);
    long conversation = jdbc.sql("select id from conversation where phone = :p and state = 'OPEN'").param("p", caller)
        .query(Long.class).single();
    String leadKey = URLEncoder.encode("demo-plumbing:" + caller, StandardCharsets.UTF_8);
    String heldKey = "held:" + UUID.randomUUID();
    jdbc.sql("""
            insert into sms_outbox (idempotency_key, business_id, to_phone, from_phone, body, status, first_text, held_at, reason)
            values (:k, 'demo-plumbing', '+15550109876', :from, 'Hi from Demo Plumbing', 'HELD', true, now(), 'business_hourly_cap')""")
        .param("k", heldKey).param("from", DEMO_NUMBER).update();

    Map<String, String> attempts = new LinkedHashMap<>(); // route → the request a member makes at Demo Plumbing
    attempts.put("GET /api/reports/funnel", "/api/reports/funnel?business=demo-plumbing");
    attempts.put("GET /api/reports/funnel.csv", "/api/reports/funnel.csv?business=demo-plumbing");
    attempts.put("GET /api/reports/weekly", "/api/reports/weekly?business=demo-plumbing");
    attempts.put("GET /api/journeys", "/api/journeys?business=demo-plumbing");
    attempts.put("GET /api/consent.csv", "/api/consent.csv?business=demo-plumbing");
    attempts.put("GET /api/a2p/message-flow", "/api/a2p/message-flow?business=demo-plumbing");
    attempts.put("GET /api/inbox", "/api/inbox?business=demo-plumbing");
    attempts.put("GET /api/inbox/stream", "/api/inbox/stream?business=demo-plumbing");
    attempts.put("GET /api/inbox/{conversationId}", "/api/inbox/" + conversation);
    attempts.put("POST /api/conversations/{leadKey}/replies", "/api/conversations/" + leadKey + "/replies");
    attempts.put("POST /api/conversations/{leadKey}/review/{decision}", "/api/conversations/" + leadKey + "/review/opt-out");
    attempts.put("POST /api/conversations/{leadKey}/booked", "/api/conversations/" + leadKey + "/booked");
    attempts.put("POST /api/conversations/{leadKey}/automation", "/api/conversations/" + leadKey + "/automation");
    attempts.put("POST /api/held-texts/{key}/{decision}", "/api/held-texts/" + heldKey + "/release");
    Map<String, String> adminsOnly = Map.ofEntries(
        Map.entry("POST /api/admin/hubspot/channel", "/api/admin/hubspot/channel"),
        Map.entry("GET /api/gohighlevel/install", "/api/gohighlevel/install?business=demo-plumbing"),
        Map.entry("POST /api/a2p/check", "/api/a2p/check"),
        Map.entry("GET /api/twilio/numbers", "/api/twilio/numbers"),
        Map.entry("POST /api/businesses", "/api/businesses"),
        Map.entry("PUT /api/businesses/{id}", "/api/businesses/demo-plumbing"),
        Map.entry("POST /api/businesses/check", "/api/businesses/check"),
        Map.entry("GET /api/businesses/{id}/changes", "/api/businesses/demo-plumbing/changes"),
        Map.entry("GET /api/businesses/{id}", "/api/businesses/demo-plumbing"),
        Map.entry("POST /api/users/invites", "/api/users/invites"),
        Map.entry("POST /api/twilio/numbers/{sid}/connect", "/api/twilio/numbers/PN" + "0".repeat(32) + "/connect"));
    // lists: the member's own businesses only
    Map<String, String> lists = Map.of(
        "GET /api/businesses", "/api/businesses", "GET /api/held-texts", "/api/held-texts", "GET /api/a2p", "/api/a2p");
    // the CRM card's backend: no console login at all, HubSpot's signature or nothing
    Map<String, String> crmSigned = Map.of(
        "GET /api/leads/{contactId}/journey", "/api/leads/1/journey", "POST /api/leads/{contactId}/automation", "/api/leads/1/automation");

    Set<String> covered = new TreeSet<>();
    for (Map<String, String> group : java.util.List.of(attempts, adminsOnly, lists, crmSigned)) {
      covered.addAll(group.keySet());
    }
    assertThat(covered).as("every /api route has a case here").isEqualTo(apiRoutes());

    for (var a : attempts.entrySet()) {
      HttpResponse<String> response = as(MEMBER, a.getKey().split(" ")[0], a.getValue());
      assertThat(response).as(a.getKey() + " as a member of another business (no answer)").isNotNull();
      assertThat(response.statusCode()).as(a.getKey() + ": " + response.body()).isEqualTo(404);
      assertThat(response.body()).doesNotContain(caller).doesNotContain("Demo Plumbing");
    }
    for (var a : adminsOnly.entrySet()) {
      assertThat(as(MEMBER, a.getKey().split(" ")[0], a.getValue()).statusCode()).as(a.getKey()).isEqualTo(403);
    }
    for (var a : lists.entrySet()) {
      HttpResponse<String> response = as(MEMBER, "GET", a.getValue());
      assertThat(response.statusCode()).as(a.getKey()).isEqualTo(200);
      assertThat(response.body()).as(a.getKey()).doesNotContain("demo-plumbing").doesNotContain(heldKey);
      // the admin's answer holds what the member's leaves out: the check above can fail
      assertThat(as(ADMIN_AUTH, "GET", a.getValue()).body()).as(a.getKey() + " as the admin").contains("demo-plumbing");
    }
    for (var a : crmSigned.entrySet()) {
      assertThat(as(MEMBER, a.getKey().split(" ")[0], a.getValue()).statusCode()).as(a.getKey()).isBetween(400, 404);
    }
    assertThat(as(MEMBER, "GET", "/actuator/prometheus").statusCode()).as("metrics and their business labels").isEqualTo(403);

    // nothing happened to Demo Plumbing's lead: no answer texted, still open, the held text still held
    Thread.sleep(500);
    assertThat(twilio().sentTo(caller)).hasSize(1);
    assertThat(jdbc.sql("select state from conversation where id = :id").param("id", conversation).query(String.class).single())
        .isEqualTo("OPEN");
    assertThat(jdbc.sql("select status from sms_outbox where idempotency_key = :k").param("k", heldKey).query(String.class)
        .single()).isEqualTo("HELD");

    // and the member's own business is theirs
    assertThat(as(MEMBER, "GET", "/api/inbox?business=cool-air").statusCode()).isEqualTo(200);
    assertThat(as(MEMBER, "GET", "/api/businesses").body()).contains("cool-air");
    assertThat(as(MEMBER, "GET", "/console/").statusCode()).isEqualTo(200);
  }
}
