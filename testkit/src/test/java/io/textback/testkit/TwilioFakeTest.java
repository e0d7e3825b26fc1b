package io.textback.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.textback.connector.twilio.api.TwilioApiException;
import io.textback.connector.twilio.api.TwilioClientFactory;
import io.textback.connector.twilio.api.TwilioErrorCategory;
import io.textback.connector.twilio.api.TwilioSettings;
import io.textback.connector.twilio.sms.TwilioSmsGateway;
import io.textback.connector.twilio.sms.model.SmsSendRequest;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fake answers our real Twilio client the way Twilio does. */
class TwilioFakeTest {
  static TwilioFake fake;
  static TwilioSmsGateway gateway;

  @BeforeAll
  static void start() {
    fake = TwilioFake.start(0);
    gateway = new TwilioSmsGateway(TwilioClientFactory.messagesApi(new TwilioSettings(fake.baseUrl(),
        TwilioFake.ACCOUNT_SID, "token", null, null, null, null)), TwilioFake.ACCOUNT_SID, null,
        TwilioSmsGateway.RateLimitBackoff.DEFAULT, 100);
  }

  @AfterAll
  static void stop() {
    fake.close();
  }

  @Test
  void createdMessagesGetASidAndShowInTheList() {
    var request = new SmsSendRequest("b", "+15550100000", "+15557654321", "hello there", "k1");

    var created = gateway.send(request);

    assertThat(created.sid()).startsWith("SM").hasSize(34);
    assertThat(created.status()).isEqualTo("queued");
    assertThat(fake.sentTo("+15557654321")).singleElement().satisfies(m -> {
      assertThat(m.sid()).isEqualTo(created.sid());
      assertThat(m.body()).isEqualTo("hello there");
    });
    assertThat(gateway.findSent(request, Instant.now())).hasValueSatisfying(m -> assertThat(m.sid()).isEqualTo(created.sid()));
    assertThat(gateway.findSent(new SmsSendRequest("b", "+15550100000", "+15557654321", "other", "k2"), Instant.now())).isEmpty();
  }

  @Test
  void anInvalidToIsRefusedWithTwiliosCode() {
    assertThatThrownBy(() -> gateway.send(new SmsSendRequest("b", "+15550100000", "12", "x", "k3")))
        .isInstanceOfSatisfying(TwilioApiException.class, e -> {
          assertThat(e.category()).isEqualTo(TwilioErrorCategory.INVALID_NUMBER);
          assertThat(e.twilioCode()).isEqualTo(21211);
        });
  }
}
