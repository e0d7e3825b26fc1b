package io.textback.worker.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.textback.connector.hubspot.crm.HubSpotContactConnector;
import io.textback.connector.hubspot.crm.model.HubSpotContactRequest;
import io.textback.testkit.HubSpotRecord;
import io.textback.testkit.TwilioPhone.Call;
import io.textback.worker.support.WorkerIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What HubSpot users see after a missed call, and how few calls it costs. */
class HubSpotJourneyTest extends WorkerIntegrationTest {
  @Autowired HubSpotContactConnector contacts;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  /** HubSpot requests that concern this caller (by their number in the request body). */
  List<ServeEvent> requestsAbout(String caller) {
    String national = caller.substring(2);
    return hubspot().wireMock().getAllServeEvents().stream()
        .filter(e -> e.getRequest().getBodyAsString().contains(national)).toList();
  }

  List<HubSpotRecord> recordsAbout(String type, String caller) {
    return hubspot().records(type).stream().filter(r -> r.properties().values().stream()
        .anyMatch(v -> v.contains(caller) || v.contains(caller.substring(2)))).toList();
  }

  Call missedAndHungUp(String caller) {
    Call call = phone().call(caller, DEMO_NUMBER);
    call.missed();
    call.hangsUpAtGreeting();
    await().atMost(Duration.ofSeconds(10)).until(() -> twilio().sentTo(caller).size() == 1);
    return call;
  }

  @Test
  void aMissedCallFromANewCaller_contactCallThreadMessageAndDeal_inAtMostFourCallsUntilTheThreadShowsIt() {
    String caller = newCaller();
    missedAndHungUp(caller);

    await().atMost(Duration.ofSeconds(15)).until(() -> !hubspot().records("0-3").stream()
        .filter(d -> d.properties().get("dealname").equals("Missed call from " + caller)).toList().isEmpty());

    HubSpotRecord contact = recordsAbout("contacts", caller).get(0);
    assertThat(contact.properties()).containsEntry("phone", caller).containsEntry("lifecyclestage", "lead");
    HubSpotRecord call = recordsAbout("calls", caller).get(0);
    assertThat(call.properties()).containsEntry("hs_call_direction", "INBOUND")
        .containsEntry("hs_call_disposition", "73a0d17f-1163-4015-bdd5-ec830791da20")
        .containsEntry("hs_call_to_number", DEMO_NUMBER);
    assertThat(call.associatedTo()).containsExactly(contact.id());
    HubSpotRecord message = hubspot().records("messages").stream()
        .filter(m -> m.properties().get("integrationIdempotencyId").equals(twilio().sentTo(caller).get(0).sid()))
        .findFirst().orElseThrow();
    assertThat(message.properties()).containsEntry("direction", "OUTGOING")
        .containsEntry("text", twilio().sentTo(caller).get(0).body());
    HubSpotRecord deal = hubspot().records("0-3").stream()
        .filter(d -> d.properties().get("dealname").equals("Missed call from " + caller)).findFirst().orElseThrow();
    assertThat(deal.properties()).containsEntry("pipeline", "default").containsEntry("dealstage", "appointmentscheduled")
        .containsEntry("hubspot_owner_id", "77");
    assertThat(deal.associatedTo()).containsExactly(contact.id());
    // search, create contact, log call, publish the text-back (the deal comes after)
    long untilThread = requestsAbout(caller).stream().filter(e -> !e.getRequest().getUrl().contains("/0-3")).count();
    assertThat(untilThread).isLessThanOrEqualTo(4);
  }

  @Test
  void everyTextFromTheLeadShowsInTheirInboxThread() {
    String caller = newCaller();
    missedAndHungUp(caller);

    phone().text(caller, DEMO_NUMBER, "Hi, can you come today?");
    phone().text(caller, DEMO_NUMBER, "It's urgent");

    await().atMost(Duration.ofSeconds(15)).until(() -> hubspot().records("messages").stream()
        .filter(m -> m.properties().get("direction").equals("INCOMING"))
        .filter(m -> m.properties().get("text").equals("It's urgent") || m.properties().get("text").equals("Hi, can you come today?"))
        .count() == 2);
  }

  List<String> outgoingInThread(String caller) {
    List<String> sids = twilio().sentTo(caller).stream().map(io.textback.testkit.FakeMessage::sid).toList();
    return hubspot().records("messages").stream().filter(m -> m.properties().get("direction").equals("OUTGOING"))
        .filter(m -> sids.contains(m.properties().get("integrationIdempotencyId")))
        .map(m -> m.properties().get("text")).toList();
  }

  @Test
  void followUpsAndRepliesThroughTheApiShowInTheThreadToo() throws Exception {
    String caller = newCaller();
    missedAndHungUp(caller);
    await().atMost(Duration.ofSeconds(10)).until(() -> engine().isWaitingFor("lead-replied", "demo-plumbing:" + caller));

    engine().increaseTime(Duration.ofMinutes(61));
    await().atMost(Duration.ofSeconds(10)).until(() -> twilio().sentTo(caller).size() == 2);
    var reply = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
            "http://localhost:" + port + "/api/conversations/demo-plumbing:" + caller.replace("+", "%2B") + "/replies"))
        .header("Content-Type", "application/json").header("Authorization", ADMIN_AUTH)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"body\":\"We can be there at 3pm.\"}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).isEqualTo(201);

    await().atMost(Duration.ofSeconds(15)).until(() -> outgoingInThread(caller).size() == 3);
    assertThat(outgoingInThread(caller)).contains(twilio().sentTo(caller).get(1).body(), "We can be there at 3pm.");
    assertThat(jdbc.sql("select kind from conversation_message where phone = :p and direction = 'OUT' order by id")
        .param("p", caller).query(String.class).list()).containsExactly("text-back", "follow-up-1", "agent-reply");
  }

  @Test
  void aPortalWithoutACustomChannel_getsEachTextAsAnSmsCommunicationOnTheContact() {
    String caller = newCaller();
    Call call = phone().call(caller, LATE_NUMBER);
    call.missed();
    call.hangsUpAtGreeting();
    await().atMost(Duration.ofSeconds(10)).until(() -> twilio().sentTo(caller).size() == 1);
    phone().text(caller, LATE_NUMBER, "Are you open tomorrow?");

    await().atMost(Duration.ofSeconds(15)).until(() -> communicationsAbout(caller).size() == 2);
    HubSpotRecord contact = recordsAbout("contacts", caller).get(0);
    assertThat(communicationsAbout(caller)).allSatisfy(c -> {
      assertThat(c.properties()).containsEntry("hs_communication_channel_type", "SMS");
      assertThat(c.associatedTo()).containsExactly(contact.id());
    });
    assertThat(communicationsAbout(caller)).extracting(c -> c.properties().get("hs_communication_body"))
        .containsExactlyInAnyOrder("To the lead: " + twilio().sentTo(caller).get(0).body(),
            "From the lead: Are you open tomorrow?");
    assertThat(hubspot().records("messages").stream()
        .filter(m -> m.properties().get("integrationIdempotencyId").equals(twilio().sentTo(caller).get(0).sid()))).isEmpty();
  }

  List<HubSpotRecord> communicationsAbout(String caller) {
    String contactId = recordsAbout("contacts", caller).stream().findFirst().map(HubSpotRecord::id).orElse("none");
    return hubspot().records("communications").stream().filter(c -> c.associatedTo().contains(contactId)).toList();
  }

  @Test
  void aKnownCaller_atMostThreeCalls() {
    String caller = newCaller();
    // the contact exists in HubSpot already (typed by hand, not by textback): found by search
    contacts.upsert(new HubSpotContactRequest("demo-plumbing", caller, "Ann", null, null, "Web"));
    jdbc.sql("delete from crm_record where record_key = :k").param("k", "contact:" + caller).update();
    hubspot().wireMock().resetRequests();

    missedAndHungUp(caller);

    await().atMost(Duration.ofSeconds(15)).until(() -> recordsAbout("calls", caller).size() == 1
        && !hubspot().records("messages").stream().filter(m -> m.properties().get("text").contains("Demo Plumbing")
            && m.properties().get("integrationIdempotencyId").equals(twilio().sentTo(caller).get(0).sid())).toList().isEmpty());
    long untilThread = requestsAbout(caller).stream().filter(e -> !e.getRequest().getUrl().contains("/0-3")).count();
    assertThat(untilThread).isLessThanOrEqualTo(3);
    assertThat(recordsAbout("contacts", caller)).hasSize(1);
  }

  @Test
  void twentyConcurrentEventsForOneNewPhone_oneContact() throws Exception {
    String caller = newCaller();
    var pool = Executors.newFixedThreadPool(8);
    List<Callable<Object>> upserts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      upserts.add(() -> {
        // as the job would: a busy record (another job is creating it) is retried shortly
        while (true) {
          try {
            return contacts.upsert(new HubSpotContactRequest("demo-plumbing", caller, null, null, null, "Missed call"));
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

    assertThat(recordsAbout("contacts", caller)).hasSize(1);
    assertThat(ids).containsOnly(recordsAbout("contacts", caller).get(0).id());
  }

  @Test
  void aVoicemail_isLoggedWithItsRecordingAndACallBackTask() {
    String caller = newCaller();
    Call call = phone().call(caller, DEMO_NUMBER);
    call.missed();
    call.leavesVoicemail(25);

    await().atMost(Duration.ofSeconds(15)).until(() -> !hubspot().records("tasks").stream()
        .filter(t -> t.properties().get("hs_task_subject").equals("Call back " + caller + " (voicemail)")).toList().isEmpty());
    HubSpotRecord logged = recordsAbout("calls", caller).get(0);
    assertThat(logged.properties()).containsEntry("hs_call_disposition", "b2cf5968-551e-4856-9783-52b3da59a7d0")
        .containsKey("hs_call_recording_url");
    assertThat(twilio().sentTo(caller)).isEmpty();
  }

  @Test
  void hubSpotDownForAWhile_theTextGoesOutAtOnceAndTheCrmCatchesUp() {
    String caller = newCaller();
    String national = caller.substring(2);
    // every HubSpot request about this caller fails while HubSpot is "down"
    hubspot().wireMock().stubFor(any(urlPathMatching("/(crm|conversations)/.*"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(national))
        .willReturn(aResponse().withStatus(503)));

    missedAndHungUp(caller);
    await().atMost(Duration.ofSeconds(10)).until(() -> requestsAbout(caller).size() >= 5);
    assertThat(recordsAbout("contacts", caller)).isEmpty();

    hubspot().wireMock().resetMappings();
    hubspot().wireMock().stubFor(any(urlPathMatching("/(crm|conversations)/.*")).atPriority(10)
        .willReturn(aResponse().withTransformers("hubspot-crm").withHeader("Content-Type", "application/json")));
    engine().increaseTime(Duration.ofSeconds(31)); // the job's retry backoff

    await().atMost(Duration.ofSeconds(15)).until(() -> recordsAbout("calls", caller).size() == 1);
    assertThat(twilio().sentTo(caller)).hasSize(1);
  }
}
