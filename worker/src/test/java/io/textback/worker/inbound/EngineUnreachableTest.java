package io.textback.worker.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.textback.testkit.ProcessTestEngine;
import io.textback.testkit.TcpProxy;
import io.textback.testkit.TwilioPhone.Call;
import io.textback.worker.deploy.ProcessDeployer;
import io.textback.worker.support.TestInfrastructure;
import io.textback.worker.support.WorkerIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@org.springframework.test.annotation.DirtiesContext
/** The engine goes away for a while: webhooks are still accepted, and nothing is lost. */
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

  @AfterAll
  static void closeLink() {
    ENGINE_LINK.close();
    OWN_ENGINE.close();
  }

  @Test
  void aMissedCallWhileTheEngineIsDownIsTextedWhenItReturns() {
    await().atMost(Duration.ofSeconds(20)).until(deployer::isDeployed);
    ENGINE_LINK.cut();
    String caller = newCaller();
    Call call = phone().call(caller, DEMO_NUMBER);

    assertThat(call.rings().status()).isEqualTo(200);
    assertThat(call.dialEnded("no-answer").status()).isEqualTo(200);
    assertThat(call.hangsUpAtGreeting().status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("""
        select count(*) filter (where message_name is not null and published_at is null) = 2
               and max(publish_attempts) > 0
        from inbound_event where payload->>'From' = :from""")
        .param("from", caller).query(Boolean.class).single());
    assertThat(twilio().sentTo(caller)).isEmpty();

    ENGINE_LINK.open();

    await().atMost(Duration.ofSeconds(30)).until(() -> twilio().sentTo(caller).size() == 1);
    assertThat(jdbc.sql("select count(*) from inbound_event where payload->>'From' = :from and message_name is not null and published_at is null")
        .param("from", caller).query(Long.class).single()).isZero();
    assertThat(engine().findInstance("missed-call-text-back", "callSid", call.callSid())).isPresent();
  }
}
