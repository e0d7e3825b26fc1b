package io.textback.worker.support;

import io.textback.connector.twilio.sms.SmsOutbox;
import io.textback.connector.twilio.sms.model.SmsSendRequest;
import io.textback.connector.twilio.sms.model.SmsSendResult;
import io.textback.worker.sms.JdbcSmsOutbox;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Kills the send step at the worst moment: after Twilio accepted the SMS and the result was stored,
 * before the job is completed (as a worker that dies there would).
 */
public final class FaultInjection {
  private static final Set<String> CRASH_AFTER_SEND_TO = ConcurrentHashMap.newKeySet();

  private FaultInjection() {}

  /** The next send to {@code phone} dies once after Twilio accepted it. */
  public static void crashOnceAfterSendingTo(String phone) {
    CRASH_AFTER_SEND_TO.add(phone);
  }

  @TestConfiguration
  public static class Config {
    @Bean
    @Primary
    SmsOutbox crashingOutbox(JdbcSmsOutbox real) {
      return new SmsOutbox() {
        private final java.util.Map<String, String> toByKey = new ConcurrentHashMap<>();

        @Override
        public Claim claim(SmsSendRequest request, Duration lease) {
          toByKey.put(request.idempotencyKey(), request.to());
          return real.claim(request, lease);
        }

        @Override
        public void complete(String key, SmsSendResult result) {
          real.complete(key, result);
          if (CRASH_AFTER_SEND_TO.remove(toByKey.getOrDefault(key, ""))) {
            throw new IllegalStateException("simulated worker death after Twilio accepted " + key);
          }
        }

        @Override
        public void release(String key, String error) {
          real.release(key, error);
        }
      };
    }
  }
}
