package io.textback.worker.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.textback.connector.twilio.sms.SmsOutbox.Busy;
import io.textback.connector.twilio.sms.SmsOutbox.Claim;
import io.textback.connector.twilio.sms.SmsOutbox.Done;
import io.textback.connector.twilio.sms.SmsOutbox.Granted;
import io.textback.connector.twilio.sms.model.SmsSendRequest;
import io.textback.connector.twilio.sms.model.SmsSendResult;
import io.textback.worker.support.WorkerIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The PostgreSQL outbox under the races a real deployment has: duplicate job deliveries at once. */
class JdbcSmsOutboxTest extends WorkerIntegrationTest {
  @Autowired JdbcSmsOutbox outbox;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  static SmsSendRequest request(String key) {
    return new SmsSendRequest("demo-plumbing", "+15550100000", "+15557000001", "hi", key);
  }

  @Test
  void twentyConcurrentDeliveriesOfOneStep_exactlyOneMaySend() throws Exception {
    String key = UUID.randomUUID() + ":text-back";
    var pool = Executors.newFixedThreadPool(8);
    List<Callable<Claim>> claims = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      claims.add(() -> outbox.claim(request(key), Duration.ofSeconds(60)));
    }
    List<Claim> results = new ArrayList<>();
    for (Future<Claim> f : pool.invokeAll(claims)) {
      results.add(f.get());
    }
    pool.shutdown();

    assertThat(results).filteredOn(c -> c instanceof Granted).hasSize(1);
    assertThat(results).filteredOn(c -> c instanceof Busy).hasSize(19);
  }

  @Test
  void aStoredResultIsReturnedToEveryLaterDelivery() {
    String key = UUID.randomUUID() + ":text-back";
    assertThat(outbox.claim(request(key), Duration.ofSeconds(60))).isEqualTo(new Granted(1,
        ((Granted) jdbcFirstClaim(key)).firstAttemptAt()));
    outbox.complete(key, SmsSendResult.sent("SM123", "queued"));

    assertThat(outbox.claim(request(key), Duration.ofSeconds(60)))
        .isEqualTo(new Done(SmsSendResult.sent("SM123", "queued")));
  }

  @Test
  void afterAReleaseTheNextAttemptKnowsItMayHaveReachedTwilio() {
    String key = UUID.randomUUID() + ":text-back";
    Granted first = (Granted) outbox.claim(request(key), Duration.ofSeconds(60));
    outbox.release(key, "timeout");

    Granted second = (Granted) outbox.claim(request(key), Duration.ofSeconds(60));

    assertThat(first.mayHaveReachedProvider()).isFalse();
    assertThat(second.attempt()).isEqualTo(2);
    assertThat(second.mayHaveReachedProvider()).isTrue();
    assertThat(second.firstAttemptAt()).isEqualTo(first.firstAttemptAt());
  }

  private Claim jdbcFirstClaim(String key) {
    return new Granted(1, jdbc.sql("select first_attempt_at from sms_outbox where idempotency_key = :k")
        .param("k", key).query(java.sql.Timestamp.class).single().toInstant());
  }
}
