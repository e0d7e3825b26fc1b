package io.textback.connector.twilio.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.textback.connector.twilio.api.TwilioClientFactory;
import io.textback.connector.twilio.api.TwilioSettings;
import io.textback.connector.twilio.sms.TwilioSmsGateway.RateLimitBackoff;
import io.textback.connector.twilio.sms.model.SmsSendRequest;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sends are paced per sending number, so a burst stays inside the brand's messages per second. */
class PacingTest {
  static final String ACCOUNT = "AC00000000000000000000000000000002";
  static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";

  @RegisterExtension
  static WireMockExtension twilio = WireMockExtension.newInstance()
      .options(WireMockConfiguration.options().dynamicPort()).build();

  @Test
  void aBurstFromOneNumberIsSpreadOverSecondsWhileAnotherNumberIsNotHeldBack() {
    twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM1\",\"status\":\"queued\"}")));
    TwilioSmsGateway gateway = new TwilioSmsGateway(TwilioClientFactory.messagesApi(new TwilioSettings(
        twilio.baseUrl(), ACCOUNT, "token", null, null, null, null)), ACCOUNT, null, RateLimitBackoff.DEFAULT, 2);

    for (int i = 0; i < 5; i++) {
      gateway.send(new SmsSendRequest("b", "+15550100000", "+1555700000" + i, "hi " + i, "k" + i));
    }
    gateway.send(new SmsSendRequest("b", "+15550200000", "+15557000009", "other sender", "k9"));

    List<LoggedRequest> busy = twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))
        .withFormParam("From", com.github.tomakehurst.wiremock.client.WireMock.equalTo("+15550100000")));
    busy.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
    assertThat(busy).hasSize(5);
    // 2 per second: the 5th send cannot leave before the third second starts
    long spreadMillis = busy.get(4).getLoggedDate().getTime() - busy.get(0).getLoggedDate().getTime();
    assertThat(spreadMillis).isGreaterThanOrEqualTo(1000);
    twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
        .withFormParam("From", com.github.tomakehurst.wiremock.client.WireMock.equalTo("+15550200000")));
  }
}
