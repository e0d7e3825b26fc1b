package io.textback.worker.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.testkit.TwilioPhone.Call;
import io.textback.testkit.WebhookResponse;
import io.textback.worker.database.DatabaseHealth;
import io.textback.worker.support.TestInfrastructure;
import io.textback.worker.support.WorkerIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * PostgreSQL stops: Twilio's webhooks are answered as usual and kept on disk, then read into
 * PostgreSQL once each, in the order they came, when it is back.
 */
class WebhookSpoolTest extends WorkerIntegrationTest {
  /** About a dozen webhooks: enough for the outage below, small enough to fill on purpose. */
  static final int MAX_BYTES = 24 * 1024;

  @Autowired WebhookSpool spool;
  @Autowired SpoolDrain drain;
  @Autowired SpoolProperties properties;
  @Autowired ObjectMapper json;
  @Autowired DatabaseHealth health;
  @Autowired java.time.Clock clock;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
    registry.add("textback.spool.max-size", () -> MAX_BYTES + "B");
  }

  long stored(String eventKey) {
    return jdbc.sql("select count(*) from inbound_event where event_key = :k").param("k", eventKey).query(Long.class).single();
  }

  @Test
  void duringAnOutage_callsAndTextsAreAnswered_spooled_andReadOnceWhenPostgresReturns() throws Exception {
    String replying = newCaller();
    String stopping = newCaller();
    String revoking = newCaller();
    String caller = newCaller();
    missedAndTextedBack(replying, DEMO_NUMBER);
    missedAndTextedBack(stopping, DEMO_NUMBER);
    int textsBefore = twilio().sentTo(caller).size();

    TestInfrastructure.database().stop();
    String replySid;
    Call call;
    try {
      call = phone().call(caller, DEMO_NUMBER);
      assertThat(call.rings().body()).contains("<Dial");
      WebhookResponse missed = call.dialEnded("no-answer");
      assertThat(missed.status()).isEqualTo(200);
      assertThat(missed.body()).contains("<Say").contains("<Record");
      assertThat(call.hangsUpAtGreeting().status()).isEqualTo(200);

      replySid = "SM" + "a".repeat(24) + String.format("%08d", Math.abs(replying.hashCode()) % 100_000_000);
      WebhookResponse reply = phone().text(replying, DEMO_NUMBER, "Yes please, tomorrow at 9", replySid);
      assertThat(reply.status()).as("accepted, not the 503 Twilio would not retry").isEqualTo(200);
      assertThat(phone().text(replying, DEMO_NUMBER, "Yes please, tomorrow at 9", replySid).status())
          .as("Twilio's repeat of the same text").isEqualTo(200);
      assertThat(phone().text(stopping, DEMO_NUMBER, "STOP").status()).isEqualTo(200);
      WebhookResponse ownWords = phone().text(revoking, DEMO_NUMBER, "please stop texting me");
      assertThat(ownWords.body()).as("the one confirmation, given in the answer as with PostgreSQL up")
          .contains("<Message>");
      assertThat(spool.waiting()).isEqualTo(7);
      assertThat(twilio().sentTo(caller)).hasSize(textsBefore);
    } finally {
      TestInfrastructure.database().start();
    }
    java.time.Instant restartedAt = clock.instant();

    await().atMost(Duration.ofSeconds(30)).until(() -> !spool.isHolding());
    await().atMost(Duration.ofSeconds(30)).until(() -> twilio().sentTo(caller).size() == textsBefore + 1);
    assertThat(stored("call-missed:" + call.callSid())).isEqualTo(1);
    assertThat(stored("sms:" + replySid)).as("the repeat read as a repeat").isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from conversation_message where provider_sid = :sid").param("sid", replySid)
        .query(Long.class).single()).isEqualTo(1);
    for (String optedOut : List.of(stopping, revoking)) {
      assertThat(jdbc.sql("select count(*) from opt_out where phone = :p").param("p", optedOut).query(Long.class).single())
          .as("opted out: " + optedOut).isEqualTo(1);
    }
    java.time.Instant missedAt = java.time.Instant.parse(jdbc.sql(
            "select message_variables->>'missedAt' from inbound_event where event_key = :k")
        .param("k", "call-missed:" + call.callSid()).query(String.class).single());
    assertThat(missedAt).as("the journey starts from when the call was missed, not from when it was read")
        .isBefore(restartedAt);
    Thread.sleep(1500);
    assertThat(twilio().sentTo(caller)).as("one text-back").hasSize(textsBefore + 1);
    assertThat(twilio().sentTo(stopping)).as("nothing after the STOP").hasSize(1);
    assertThat(engine().incidentCount()).isZero();
  }

  @Test
  void aFullSpool_answers503_andKeepsWhatItTook() throws Exception {
    List<String> leads = new ArrayList<>();
    TestInfrastructure.database().stop();
    int refused = 0;
    try {
      for (int i = 0; i < 60 && refused == 0; i++) {
        String lead = newCaller();
        WebhookResponse answer = phone().text(lead, DEMO_NUMBER, "Do you do water heaters? " + "x".repeat(200));
        if (answer.status() == 503) {
          refused++;
          assertThat(answer.body()).contains("spool is full");
        } else {
          assertThat(answer.status()).isEqualTo(200);
          leads.add(lead);
        }
      }
    } finally {
      TestInfrastructure.database().start();
    }
    assertThat(refused).as("the cap was reached").isEqualTo(1);
    assertThat(leads).hasSizeGreaterThan(3);
    await().atMost(Duration.ofSeconds(30)).until(() -> !spool.isHolding());
    for (String lead : leads) {
      assertThat(jdbc.sql("select count(*) from inbound_event where kind = 'sms-reply' and payload->>'From' = :p")
          .param("p", lead).query(Long.class).single()).as("taken and kept: " + lead).isEqualTo(1);
    }
  }

  @Test
  void aSecondWorkerOnTheSameFolder_isRefused() {
    assertThatThrownBy(() -> new WebhookSpool(properties, json, health))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("another running worker uses the spool folder");
    assertThat(DataSize.ofBytes(MAX_BYTES)).isEqualTo(properties.maxSize());
  }
}
