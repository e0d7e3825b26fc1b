package io.textback.connector.twilio.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.textback.connector.twilio.api.TwilioClientFactory;
import io.textback.connector.twilio.api.TwilioSettings;
import io.textback.connector.twilio.sms.TwilioSmsGateway.RateLimitBackoff;
import io.textback.connector.twilio.sms.model.SmsSendRequest;
import io.textback.connector.twilio.sms.model.SmsSendResult;
import io.textback.connector.twilio.sms.model.SmsSendResult.Outcome;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The send step against a WireMock Twilio: one test per error class, and the exactly-once rules. */
class SmsSendConnectorTest {
  static final String ACCOUNT = "AC00000000000000000000000000000001";
  static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";

  @RegisterExtension
  static WireMockExtension twilio = WireMockExtension.newInstance().options(
      com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort()).build();

  InMemorySmsOutbox outbox;
  SmsSendConnector connector;
  Optional<String> guardRefusal = Optional.empty();
  Optional<String> hold = Optional.empty();

  @BeforeEach
  void setUp() {
    outbox = new InMemorySmsOutbox();
    var settings = new TwilioSettings(twilio.baseUrl(), ACCOUNT, "secret-token", null, null,
        Duration.ofSeconds(1), Duration.ofMillis(500));
    var gateway = new TwilioSmsGateway(TwilioClientFactory.messagesApi(settings), ACCOUNT, null,
        new RateLimitBackoff(3, Duration.ofMillis(10), Duration.ofMillis(50)), 100);
    connector = new SmsSendConnector(gateway, outbox, (business, to) -> guardRefusal, request -> hold);
  }

  static SmsSendRequest request(String key) {
    return new SmsSendRequest("demo", "+15550100000", "+15551234567",
        "Demo Plumbing here, sorry we missed your call! What can we do for you? Reply STOP to opt out", key);
  }

  static String created(String sid) {
    return """
        {"sid":"%s","status":"queued","to":"+15551234567","from":"+15550100000","num_segments":"1"}"""
        .formatted(sid);
  }

  static String error(int code, int status) {
    return """
        {"code":%d,"message":"error %d","more_info":"https://www.twilio.com/docs/errors/%d","status":%d}"""
        .formatted(code, code, code, status);
  }

  @Test
  void sendsFormEncodedWithBasicAuthAndReturnsTheSid() {
    twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201).withBody(created("SM1"))));

    SmsSendResult result = connector.send(request("CA1:text-back"));

    assertThat(result).isEqualTo(SmsSendResult.sent("SM1", "queued"));
    twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
        .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(ACCOUNT, "secret-token"))
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withFormParam("To", equalTo("+15551234567"))
        .withFormParam("From", equalTo("+15550100000"))
        .withFormParam("Body", containing("Demo Plumbing")));
  }

  @Test
  void theSameKeyTwiceTextsOnce() {
    twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201).withBody(created("SM2"))));

    SmsSendResult first = connector.send(request("CA2:text-back"));
    SmsSendResult again = connector.send(request("CA2:text-back"));

    assertThat(again).isEqualTo(first);
    twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
  }

  @Test
  void aTextOverTheCapIsHeld_notSent_andARetryOfTheJobKeepsItHeld() {
    twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201).withBody(created("SM9"))));
    hold = Optional.of("business_hourly_cap");

    SmsSendResult result = connector.send(request("CA9:text-back"));

    assertThat(result).isEqualTo(SmsSendResult.held("business_hourly_cap"));
    hold = Optional.empty();
    assertThat(connector.send(request("CA9:text-back"))).as("held until an admin releases it").isEqualTo(result);
    twilio.verify(0, postRequestedFor(urlEqualTo(MESSAGES)));
  }

  @Test
  void aRetryAfterAFailedAttemptIsCheckedAgainstTheCap_notWavedThrough() {
    twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(500).withBody(error(20500, 500))));
    assertThatThrownBy(() -> connector.send(request("CA11:text-back"))).isInstanceOf(ConnectorRetryException.class);
    twilio.resetAll();
    twilio.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(okJson("{\"messages\":[]}")));
    hold = Optional.of("business_hourly_cap"); // say the first attempt failed before it was counted

    assertThat(connector.send(request("CA11:text-back"))).isEqualTo(SmsSendResult.held("business_hourly_cap"));
    twilio.verify(0, postRequestedFor(urlEqualTo(MESSAGES)));
  }

  @Test
  void anOptOutWinsOverAHold() {
    guardRefusal = Optional.of("opted_out");
    hold = Optional.of("business_hourly_cap");

    assertThat(connector.send(request("CA10:text-back")).outcome()).isEqualTo(Outcome.REFUSED);
  }

  @Test
  void optedOutAtTwilioIsRefusedAndNeverRetried() {
    twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(400).withBody(error(21610, 400))));

    SmsSendResult result = connector.send(request("CA3:text-back"));

    assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(result.reason()).isEqualTo("opted_out");
    assertThat(result.errorCode()).isEqualTo(21610);
    assertThat(connector.send(request("CA3:text-back"))).isEqualTo(result);
    twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
  }

  @Test
  void invalidNumberIsRefused() {
    twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(400).withBody(error(21211, 400))));

    assertThat(connector.send(request("CA4:text-back")))
        .isEqualTo(SmsSendResult.refused("invalid_number", 21211));
  }

  @Test
  void landlineIsRefused() {
    twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(400).withBody(error(21635, 400))));

    assertThat(connector.send(request("CA5:text-back")))
        .isEqualTo(SmsSendResult.refused("not_sms_capable", 21635));
  }

  @Test
  void rateLimitedIsRetriedWithBackoffAndSentOnce() {
    twilio.stubFor(post(MESSAGES).inScenario("429").whenScenarioStateIs("Started")
        .willReturn(aResponse().withStatus(429).withBody(error(20429, 429)))
        .willSetStateTo("ok"));
    twilio.stubFor(post(MESSAGES).inScenario("429").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(201).withBody(created("SM6"))));

    assertThat(connector.send(request("CA6:text-back")).messageSid()).isEqualTo("SM6");
    twilio.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
  }

  @Test
  void rateLimitThatOutlastsTheBackoffFailsTheJobForALaterRetry() {
    twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(429)));

    assertThatThrownBy(() -> connector.send(request("CA7:text-back")))
        .isInstanceOf(ConnectorRetryException.class);
    twilio.verify(3, postRequestedFor(urlEqualTo(MESSAGES)));
  }

  @Test
  void serverErrorIsAmbiguousAndTheRetryReconcilesInsteadOfResending() {
    twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(500).withBody(error(20500, 500))));
    assertThatThrownBy(() -> connector.send(request("CA8:text-back")))
        .isInstanceOf(ConnectorRetryException.class);

    // Twilio did accept it despite the 500: the list shows it, so the retry must not send again.
    twilio.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo("+15551234567"))
        .willReturn(okJson("""
            {"messages":[{"sid":"SM8","status":"delivered","to":"+15551234567","from":"+15550100000",
             "body":"%s"}]}""".formatted(request("x").body()))));

    SmsSendResult result = connector.send(request("CA8:text-back"));

    assertThat(result).isEqualTo(SmsSendResult.sent("SM8", "delivered"));
    twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
  }

  @Test
  void timeoutIsAmbiguousAndTheRetrySendsWhenTwilioNeverGotIt() {
    twilio.stubFor(post(MESSAGES).inScenario("slow").whenScenarioStateIs("Started")
        .willReturn(aResponse().withStatus(201).withBody(created("SM9")).withFixedDelay(1500))
        .willSetStateTo("fast"));
    twilio.stubFor(post(MESSAGES).inScenario("slow").whenScenarioStateIs("fast")
        .willReturn(aResponse().withStatus(201).withBody(created("SM9b"))));
    twilio.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(okJson("{\"messages\":[]}")));

    assertThatThrownBy(() -> connector.send(request("CA9:text-back")))
        .isInstanceOf(ConnectorRetryException.class)
        .hasMessageContaining("No answer from Twilio");

    assertThat(connector.send(request("CA9:text-back")).messageSid()).isEqualTo("SM9b");
    twilio.verify(1, getRequestedFor(urlPathEqualTo(MESSAGES)).withQueryParam("From", equalTo("+15550100000")));
  }

  @Test
  void aWorkerThatDiedAfterTwilioAcceptedIsReconciledNotResent() {
    twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201).withBody(created("SM10"))));
    // First worker: claims, Twilio accepts, then the process dies before storing the result.
    var lease = outbox.claim(request("CA10:text-back"), Duration.ofSeconds(60));
    assertThat(lease).isInstanceOf(SmsOutbox.Granted.class);
    new TwilioSmsGateway(TwilioClientFactory.messagesApi(new TwilioSettings(twilio.baseUrl(), ACCOUNT,
        "secret-token", null, null, null, null)), ACCOUNT, null, RateLimitBackoff.DEFAULT, 100)
        .send(request("CA10:text-back"));
    // While its lease lives, a second delivery of the job backs off instead of texting.
    assertThatThrownBy(() -> connector.send(request("CA10:text-back")))
        .isInstanceOf(ConnectorRetryException.class);
    outbox.expireLease("CA10:text-back");
    twilio.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(okJson("""
        {"messages":[{"sid":"SM10","status":"sent","body":"%s"}]}""".formatted(request("x").body()))));

    assertThat(connector.send(request("CA10:text-back")).messageSid()).isEqualTo("SM10");
    twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
  }

  @Test
  void anAccountProblemIsAnIncidentNotARefusal() {
    twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(401).withBody(error(20003, 401))));

    assertThatThrownBy(() -> connector.send(request("CA11:text-back")))
        .isInstanceOf(ConnectorException.class)
        .isNotInstanceOf(ConnectorRetryException.class)
        .hasMessageContaining("error 20003");
  }

  @Test
  void anOptedOutNumberNeverReachesTwilio() {
    guardRefusal = Optional.of("opted_out");

    assertThat(connector.send(request("CA12:text-back")))
        .isEqualTo(SmsSendResult.refused("opted_out", null));
    twilio.verify(0, postRequestedFor(urlEqualTo(MESSAGES)));
  }
}
