package io.textback.worker.crm.gohighlevel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.textback.connector.gohighlevel.crm.HighLevelContactConnector;
import io.textback.connector.gohighlevel.crm.model.HighLevelContactRequest;
import io.textback.testkit.HighLevelRecord;
import io.textback.testkit.TwilioPhone.Call;
import io.textback.worker.support.WorkerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What HighLevel users see after a missed call or a web form, and how few calls it costs. */
class HighLevelJourneyTest extends WorkerIntegrationTest {
  @Autowired HighLevelContactConnector contacts;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  /** Summit HVAC's admin installed textback's app on its location (the OAuth install, once). */
  @BeforeEach
  void appInstalled() throws Exception {
    if (jdbc.sql("select count(*) from crm_oauth_token where account_id = 'loc-summit'").query(Integer.class).single() == 0) {
      var answer = get("/webhooks/gohighlevel/oauth?code=" + highLevel().authorizationCode("loc-summit"));
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("\"business\":\"summit-hvac\"");
    }
  }

  HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  List<HighLevelRecord> contactsOf(String phone) {
    return highLevel().records("contact").stream().filter(c -> phone.equals(c.field("phone"))).toList();
  }

  String contactId(String phone) {
    return contactsOf(phone).get(0).id();
  }

  List<HighLevelRecord> about(String type, String contactId) {
    return highLevel().records(type).stream().filter(r -> contactId.equals(r.field("contactId"))).toList();
  }

  void missedAndHungUp(String caller, String business) {
    Call call = phone().call(caller, business);
    call.missed();
    call.hangsUpAtGreeting();
    await().atMost(Duration.ofSeconds(10)).until(() -> twilio().sentTo(caller).size() == 1);
  }

  /** HighLevel requests naming any of these (a phone, a contact id) in their URL or body. */
  long requestsAbout(String... phonesOrContacts) {
    return highLevel().wireMock().getAllServeEvents().stream().filter(e -> java.util.Arrays.stream(phonesOrContacts)
        .anyMatch(k -> e.getRequest().getUrl().contains(k.replace("+", "%2B")) || e.getRequest().getBodyAsString().contains(k)))
        .count();
  }

  @Test
  void aMissedCall_theContactTheCallTheTextBackInTheConversationAndTheOpportunity() {
    String caller = newCaller();
    missedAndHungUp(caller, SUMMIT_NUMBER);

    await().atMost(Duration.ofSeconds(15)).until(() -> !contactsOf(caller).isEmpty()
        && !about("opportunity", contactId(caller)).isEmpty());
    HighLevelRecord contact = contactsOf(caller).get(0);
    assertThat(contact.locationId()).isEqualTo("loc-summit");
    assertThat(contact.field("source")).isEqualTo("Missed call");
    await().atMost(Duration.ofSeconds(15)).until(() -> about("message", contact.id()).size() == 2);
    List<HighLevelRecord> messages = about("message", contact.id());
    assertThat(messages).extracting(m -> m.field("type")).containsExactlyInAnyOrder("Call", "SMS");
    HighLevelRecord call = messages.stream().filter(m -> m.field("type").equals("Call")).findFirst().orElseThrow();
    assertThat(call.field("conversationProviderId")).isEqualTo("prov-call");
    assertThat(call.field("call")).contains("\"status\":\"no-answer\"").contains(caller);
    HighLevelRecord textBack = messages.stream().filter(m -> m.field("type").equals("SMS")).findFirst().orElseThrow();
    assertThat(textBack.field("direction")).isEqualTo("outbound");
    assertThat(textBack.field("message")).isEqualTo(twilio().sentTo(caller).get(0).body());
    assertThat(textBack.field("altId")).isEqualTo(twilio().sentTo(caller).get(0).sid());
    assertThat(textBack.field("conversationProviderId")).isEqualTo("prov-sms");
    HighLevelRecord opportunity = about("opportunity", contact.id()).get(0);
    assertThat(opportunity.field("pipelineId")).isEqualTo("pipe-summit");
    assertThat(opportunity.field("pipelineStageId")).isEqualTo("stage-new");
    assertThat(opportunity.field("assignedTo")).isEqualTo("user-dispatch");
    assertThat(opportunity.field("name")).isEqualTo("Missed call from " + caller);
    assertThat(highLevel().records("conversation").stream().filter(c -> c.field("contactId").equals(contact.id())))
        .hasSize(1);
    assertThat(journeyRecords(SUMMIT_BUSINESS, call(caller))).as("the journeys API (and the console) show them")
        .contains("contact " + contact.id() + " https://app.gohighlevel.com/v2/location/loc-summit/contacts/detail/" + contact.id(),
            "opportunity " + opportunity.id() + " null");
  }

  static final String SUMMIT_BUSINESS = "summit-hvac";

  String call(String caller) {
    return jdbc.sql("select journey_key from journey where phone = :p").param("p", caller).query(String.class).single();
  }

  /** The CRM records /api/journeys shows for this journey, as "kind id url". */
  List<String> journeyRecords(String business, String journeyKey) {
    try {
      var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
          + "/api/journeys?business=" + business + "&limit=100")).header("Authorization", ADMIN_AUTH).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      for (var j : new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body())) {
        if (j.path("journeyKey").asText().equals(journeyKey)) {
          assertThat(j.path("crm").asText()).isEqualTo("gohighlevel");
          List<String> out = new ArrayList<>();
          j.path("crmRecords").forEach(r -> out.add(r.path("kind").asText() + " " + r.path("id").asText() + " "
              + (r.path("url").isNull() ? "null" : r.path("url").asText())));
          return out;
        }
      }
      return List.of();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyTextFromTheLead_andTheBusinessesAnswersThroughTheApi_goIntoTheConversation() throws Exception {
    String caller = newCaller();
    missedAndHungUp(caller, SUMMIT_NUMBER);
    phone().text(caller, SUMMIT_NUMBER, "Can you come today?");
    await().atMost(Duration.ofSeconds(10)).until(() -> engine().isWaitingFor("agent-replied", "summit-hvac:" + caller));
    var reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/conversations/summit-hvac:" + caller.replace("+", "%2B") + "/replies"))
        .header("Content-Type", "application/json").header("Authorization", ADMIN_AUTH)
        .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"We can be there at 3pm.\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).isEqualTo(201);

    await().atMost(Duration.ofSeconds(15)).until(() -> !contactsOf(caller).isEmpty()
        && about("message", contactId(caller)).stream().filter(m -> m.field("type").equals("SMS")).count() == 3);
    assertThat(about("message", contactId(caller)).stream().filter(m -> m.field("type").equals("SMS"))
        .map(m -> m.field("direction") + ": " + m.field("message")).toList())
        .contains("inbound: Can you come today?", "outbound: We can be there at 3pm.");
  }

  @Test
  void aWebForm_theContactWithItsNamesTheFormAndTheReplyInTheConversationAndTheOpportunity() throws Exception {
    String phone = newCaller();
    String body = "{\"phone\":\"" + phone + "\",\"first_name\":\"Ann\",\"last_name\":\"Lee\",\"email\":\"ann@example.com\","
        + "\"message\":\"AC is out\",\"consent\":\"yes\"}";
    var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/webhooks/forms/summit-hvac")).header("Content-Type", "application/json")
        .header(io.textback.worker.form.FormSignature.HEADER, io.textback.worker.form.FormSignature.sign(FORM_SECRET,
            body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(15)).until(() -> !contactsOf(phone).isEmpty()
        && !about("opportunity", contactId(phone)).isEmpty() && about("message", contactId(phone)).size() == 2);
    HighLevelRecord contact = contactsOf(phone).get(0);
    assertThat(contact.field("firstName")).isEqualTo("Ann");
    assertThat(contact.field("email")).isEqualTo("ann@example.com");
    assertThat(about("message", contact.id())).extracting(m -> m.field("direction") + ": " + m.field("message"))
        .containsExactlyInAnyOrder("inbound: Web form: AC is out", "outbound: " + twilio().sentTo(phone).get(0).body());
  }

  @Test
  void aPrivateIntegrationToken_putsTheCallAndEveryTextOnTheContactAsNotes() {
    String caller = newCaller();
    missedAndHungUp(caller, RIDGE_NUMBER);
    phone().text(caller, RIDGE_NUMBER, "Are you open tomorrow?");

    await().atMost(Duration.ofSeconds(15)).until(() -> !contactsOf(caller).isEmpty()
        && about("note", contactId(caller)).size() == 3 && !about("opportunity", contactId(caller)).isEmpty());
    assertThat(contactsOf(caller).get(0).locationId()).isEqualTo("loc-ridge");
    assertThat(about("note", contactId(caller))).extracting(n -> n.field("body")).anyMatch(b -> b.startsWith("Missed call from " + caller))
        .contains("Text to the lead: " + twilio().sentTo(caller).get(0).body(), "Text from the lead: Are you open tomorrow?");
    assertThat(highLevel().records("conversation").stream().filter(c -> c.field("contactId").equals(contactId(caller))))
        .as("no conversation provider: nothing in the inbox").isEmpty();
  }

  @Test
  void aNewCaller_costsSevenHighLevelCalls_withTheOpportunity() throws Exception {
    String caller = newCaller();
    missedAndHungUp(caller, SUMMIT_NUMBER);
    await().atMost(Duration.ofSeconds(15)).until(() -> !contactsOf(caller).isEmpty()
        && !about("opportunity", contactId(caller)).isEmpty() && about("message", contactId(caller)).size() == 2);

    // duplicate search, upsert, conversation search and create, the call, the text-back, the opportunity
    // (the fake holds a record before WireMock journals its request: wait for the journal)
    await().atMost(Duration.ofSeconds(5)).until(() -> requestsAbout(caller, contactId(caller)) >= 7);
    Thread.sleep(300);
    assertThat(requestsAbout(caller, contactId(caller))).isEqualTo(7);
  }

  @Test
  void aContactTheBusinessAlreadyHas_isFoundNotCreated_inSixCalls() throws Exception {
    String caller = newCaller();
    // typed into HighLevel by hand before the call
    String existing = HighLevelClientTestSupport.createContact(highLevel(), "loc-summit", caller);
    highLevel().wireMock().resetRequests();

    missedAndHungUp(caller, SUMMIT_NUMBER);
    await().atMost(Duration.ofSeconds(15)).until(() -> !about("opportunity", existing).isEmpty()
        && about("message", existing).size() == 2);

    assertThat(contactsOf(caller)).extracting(HighLevelRecord::id).containsExactly(existing);
    await().atMost(Duration.ofSeconds(5)).until(() -> requestsAbout(caller, existing) >= 6);
    Thread.sleep(300);
    assertThat(requestsAbout(caller, existing)).as("no upsert").isEqualTo(6);
  }

  @Test
  void twentyConcurrentEventsForOneNewPhone_oneContact() throws Exception {
    String caller = newCaller();
    var pool = Executors.newFixedThreadPool(8);
    List<Callable<Object>> upserts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      upserts.add(() -> {
        while (true) {
          try {
            return contacts.upsert(new HighLevelContactRequest("ridge-electric", caller, null, null, null, "Missed call"));
          } catch (io.textback.crm.CrmRecordBusyException busy) {
            Thread.sleep(50);
          }
        }
      });
    }
    List<Object> ids = new ArrayList<>();
    for (var f : pool.invokeAll(upserts)) {
      ids.add(((java.util.Map<?, ?>) f.get()).get("contactId"));
    }
    pool.shutdown();

    assertThat(contactsOf(caller)).hasSize(1);
    assertThat(ids).containsOnly(contactsOf(caller).get(0).id());
  }

  @Test
  void aVoicemail_isACallInTheConversation_andACallBackTask() {
    String caller = newCaller();
    Call call = phone().call(caller, SUMMIT_NUMBER);
    call.missed();
    call.leavesVoicemail(25);

    await().atMost(Duration.ofSeconds(15)).until(() -> !contactsOf(caller).isEmpty() && !about("task", contactId(caller)).isEmpty());
    HighLevelRecord task = about("task", contactId(caller)).get(0);
    assertThat(task.field("title")).isEqualTo("Call back " + caller + " (voicemail)");
    assertThat(task.field("assignedTo")).isEqualTo("user-dispatch");
    await().atMost(Duration.ofSeconds(15)).until(() -> about("message", contactId(caller)).size() == 1);
    assertThat(about("message", contactId(caller)).get(0).field("call")).contains("\"status\":\"voicemail\"");
    assertThat(twilio().sentTo(caller)).isEmpty();
  }

  @Test
  void highLevelDownForAWhile_theTextGoesOutAtOnceAndTheCrmCatchesUp() {
    String caller = newCaller();
    highLevel().wireMock().stubFor(any(urlPathMatching("/contacts/.*"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(caller)).willReturn(aResponse().withStatus(503)));
    highLevel().wireMock().stubFor(any(urlPathMatching("/contacts/search/duplicate"))
        .withQueryParam("number", com.github.tomakehurst.wiremock.client.WireMock.equalTo(caller)).willReturn(aResponse().withStatus(503)));

    missedAndHungUp(caller, RIDGE_NUMBER);
    await().atMost(Duration.ofSeconds(10)).until(() -> requestsAbout(caller) >= 3);
    assertThat(contactsOf(caller)).isEmpty();

    highLevel().wireMock().resetMappings();
    highLevel().wireMock().stubFor(any(urlPathMatching("/(contacts|conversations|opportunities|oauth)/.*")).atPriority(10)
        .willReturn(aResponse().withTransformers("gohighlevel").withHeader("Content-Type", "application/json")));
    engine().increaseTime(Duration.ofSeconds(31)); // the job's retry backoff

    await().atMost(Duration.ofSeconds(15)).until(() -> !contactsOf(caller).isEmpty()
        && !about("note", contactId(caller)).isEmpty());
    assertThat(twilio().sentTo(caller)).hasSize(1);
  }
}
