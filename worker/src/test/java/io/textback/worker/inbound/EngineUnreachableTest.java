package io.textback.worker.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.textback.testkit.ProcessTestEngine;
import io.textback.testkit.TcpProxy;
import io.textback.testkit.TwilioPhone.Call;
import io.textback.worker.deploy.ProcessDeployer;
import io.textback.worker.support.TestInfrastructure;
import io.textback.worker.support.WorkerIntegrationTest;
import io.textback.worker.form.FormSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@org.springframework.test.annotation.DirtiesContext
/** The engine goes away for a minute: webhooks are still accepted, and nothing is lost. */
class EngineUnreachableTest extends WorkerIntegrationTest {
  // An engine and a database of its own: no other test context may publish or work its journeys.
  static final ProcessTestEngine OWN_ENGINE = new ProcessTestEngine();
  static final TcpProxy ENGINE_LINK = new TcpProxy(
      Integer.parseInt(OWN_ENGINE.gatewayAddress().replaceAll(".*:", "")));

  @Autowired ProcessDeployer deployer;

  @DynamicPropertySource
  static void throughTheProxy(DynamicPropertyRegistry registry) {
    infrastructure(registry, () -> "http://127.0.0.1:" + ENGINE_LINK.port(),
        EngineUnreachableTest::ownDatabase);
    // its own engine, so polling often disturbs no other test: after the outage the jobs created
    // while the streams were down are found by polling
    registry.add("camunda.client.worker.defaults.poll-interval", () -> "PT1S");
  }

  private static String ownDatabaseUrl;

  private static synchronized String ownDatabase() {
    if (ownDatabaseUrl == null) {
      ownDatabaseUrl = TestInfrastructure.database().createDatabase("engine_unreachable");
    }
    return ownDatabaseUrl;
  }

  @Override
  protected ProcessTestEngine engine() {
    return OWN_ENGINE;
  }

  /**
   * The link and the engine stay up until the JVM ends: JUnit's @AfterAll runs before Spring closes
   * this class's context (@DirtiesContext), and a client whose engine is already gone can hang in
   * closing its job streams (JobStreamerImpl.close waits for a stream that keeps reconnecting).
   */
  @AfterAll
  static void leaveTheLinkOpen() {
    ENGINE_LINK.open();
  }

  @Test
  void halfAMinuteWithoutTheEngine_everyCallAndFormIsAcceptedAndTextedWhenItReturns() throws Exception {
    await().atMost(Duration.ofSeconds(20)).until(deployer::isDeployed);
    ENGINE_LINK.cut();
    long cutAt = System.nanoTime();
    List<String> leads = new ArrayList<>();
    List<String> callSids = new ArrayList<>();
    // a call at the start, after 10 s and after 20 s, and a web form in between
    for (int i = 0; i < 3; i++) {
      String caller = newCaller();
      Call call = phone().call(caller, DEMO_NUMBER);
      assertThat(call.rings().status()).isEqualTo(200);
      assertThat(call.dialEnded("no-answer").status()).isEqualTo(200);
      assertThat(call.hangsUpAtGreeting().status()).isEqualTo(200);
      leads.add(caller);
      callSids.add(call.callSid());
      if (i == 1) {
        String lead = newCaller();
        assertThat(submitForm(lead).statusCode()).isEqualTo(202);
        leads.add(lead);
      }
      Thread.sleep(10_000);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
        select count(*) filter (where message_name is not null and published_at is null) >= 7
               and max(publish_attempts) > 0
        from inbound_event where payload->>'From' = any(:from) or payload->>'phone' = any(:from)""")
        .param("from", leads.toArray(String[]::new)).query(Boolean.class).single());
    assertThat(leads).allSatisfy(lead -> assertThat(twilio().sentTo(lead)).isEmpty());
    assertThat(Duration.ofNanos(System.nanoTime() - cutAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(30));

    ENGINE_LINK.open();
    long openedAt = System.nanoTime();

    await().atMost(Duration.ofSeconds(30)).until(() -> leads.stream().allMatch(l -> twilio().sentTo(l).size() == 1));
    System.out.printf("engine back after %d s: every lead texted %d ms later%n",
        Duration.ofNanos(openedAt - cutAt).toSeconds(), Duration.ofNanos(System.nanoTime() - openedAt).toMillis());
    Thread.sleep(2000);
    assertThat(leads).allSatisfy(lead -> assertThat(twilio().sentTo(lead)).as("one text for " + lead).hasSize(1));
    assertThat(jdbc.sql("select count(*) from inbound_event where (payload->>'From' = any(:from) or payload->>'phone' = any(:from)) and message_name is not null and published_at is null")
        .param("from", leads.toArray(String[]::new)).query(Long.class).single()).isZero();
    for (String callSid : callSids) {
      assertThat(engine().instancesWith("missed-call-text-back", "callSid", callSid)).isEqualTo(1);
    }
  }

  private HttpResponse<String> submitForm(String phone) throws Exception {
    String body = "{\"submissionId\":\"" + UUID.randomUUID() + "\",\"name\":\"Ann Lee\",\"phone\":\"" + phone
        + "\",\"message\":\"No hot water\",\"consent\":true}";
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/webhooks/forms/demo-plumbing")).header("Content-Type", "application/json")
        .header(FormSignature.HEADER, FormSignature.sign(FORM_SECRET, body.getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
