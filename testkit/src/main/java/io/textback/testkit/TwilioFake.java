package io.textback.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.textback.testkit.contract.FakeCredentials;
import io.textback.testkit.contract.HeldToContract;
import io.textback.testkit.contract.VendorContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A WireMock server that answers like Twilio's REST API (Messages create and list, Lookup v2,
 * Messaging v1's Services, A2P campaigns and toll-free verifications), with its
 * standard /__admin API for people and tests. Stubs a test adds (default priority) win over the
 * fake's own (priority 10), so a test can inject errors. Every request is first held to Twilio's
 * contract (contracts/twilio.json): what Twilio would refuse is refused, in Twilio's error shape.
 */
public final class TwilioFake implements AutoCloseable {
  public static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
  private static final String MESSAGES = "/2010-04-01/Accounts/[^/]+/Messages\\.json";
  private final WireMockServer server;
  private final TwilioMessagesTransformer messages;
  private final TwilioLookupTransformer lookup;
  private final TwilioMessagingTransformer messaging;
  private final TwilioNumbersTransformer numbers = new TwilioNumbersTransformer();
  private final Duration latency;
  private final FakeCredentials credentials = new FakeCredentials();

  private TwilioFake(int port, Duration latency) {
    this.messages = new TwilioMessagesTransformer();
    this.lookup = new TwilioLookupTransformer();
    this.messaging = new TwilioMessagingTransformer();
    this.latency = latency;
    this.server = new WireMockServer(WireMockConfiguration.options()
        .port(port).extensions(messages, lookup, messaging, numbers, new HeldToContract(VendorContract.twilio(), credentials)).containerThreads(64).jettyAcceptors(2));
    server.start();
    addDefaultStubs();
  }

  /** Port 0 picks a free port. */
  public static TwilioFake start(int port) {
    return new TwilioFake(port, Duration.ZERO);
  }

  /** Every answer is delayed by {@code latency}, as a real provider would be. */
  public static TwilioFake start(int port, Duration latency) {
    return new TwilioFake(port, latency);
  }

  private void addDefaultStubs() {
    server.stubFor(any(urlPathMatching(MESSAGES)).atPriority(10).willReturn(acceptsAfter(latency)));
    server.stubFor(get(urlPathMatching("/v2/PhoneNumbers/.+")).atPriority(10)
        .willReturn(aResponse().withTransformers(TwilioLookupTransformer.NAME)
            .withHeader("Content-Type", "application/json")
            .withFixedDelay((int) latency.toMillis())));
    server.stubFor(any(urlPathMatching(TwilioNumbersTransformer.PATH)).atPriority(10)
        .willReturn(aResponse().withTransformers(TwilioNumbersTransformer.NAME).withHeader("Content-Type", "application/json")));
    server.stubFor(get(urlPathMatching("/v1/(Services|Tollfree)(/.*)?")).atPriority(10)
        .willReturn(aResponse().withTransformers(TwilioMessagingTransformer.NAME).withHeader("Content-Type", "application/json")));
  }

  /**
   * The fake's own answer to a Messages request (the message is taken and listed), given after
   * {@code delay}: longer than the client's read timeout, Twilio took a text its sender never heard of.
   */
  public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder acceptsAfter(Duration delay) {
    return aResponse().withTransformers(TwilioMessagesTransformer.NAME).withHeader("Content-Type", "application/json")
        .withFixedDelay((int) delay.toMillis());
  }

  /** The auth tokens and API key secrets this account takes (any non-blank one until a test says). */
  public FakeCredentials credentials() {
    return credentials;
  }

  /** Lookup (same server: point textback.twilio.lookup-base-url here) answers this line type. */
  public void setLineType(String phone, String type) {
    lookup.setLineType(phone, type);
  }

  /**
   * Messaging v1 (same server: point textback.twilio.messaging-base-url here): the number is in a
   * Messaging Service whose A2P campaign has this status (VERIFIED, IN_PROGRESS, FAILED), or none
   * when {@code campaignStatus} is null. Kept across {@link #reset}: it is the account's setup.
   */
  public void registerForA2p(String number, String campaignStatus) {
    messaging.register(number, campaignStatus);
  }

  /**
   * The account owns this number (IncomingPhoneNumbers), its calls, call status and texts sent to
   * these URLs (null: none set); returns its PN sid. Kept across {@link #reset}: it is the account's setup.
   */
  public String ownNumber(String phone, String voiceUrl, String statusCallback, String smsUrl) {
    return numbers.own(phone, voiceUrl, statusCallback, smsUrl);
  }

  /** The number's resource as Twilio now holds it (voice_url, status_callback, sms_url...), or null. */
  public Map<String, Object> ownedNumber(String phone) {
    return numbers.number(phone);
  }

  /** A toll-free verification in this status (PENDING_REVIEW, IN_REVIEW, TWILIO_APPROVED, TWILIO_REJECTED). */
  public void verifyTollFree(String number, String status) {
    messaging.verifyTollFree(number, status);
  }

  /** Lookup cannot answer for this number (Twilio's 503) until {@link #reset}. */
  public void lookupFails(String phone) {
    lookup.fail(phone);
  }

  /** The SMS a test would see on the lead's phone, oldest first. */
  public List<String> bodiesTo(String phone) {
    return sentTo(phone).stream().map(FakeMessage::body).toList();
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  public int port() {
    return server.port();
  }

  public WireMockServer wireMock() {
    return server;
  }

  /** Every SMS accepted so far, oldest first. */
  public List<FakeMessage> sent() {
    return messages.messages();
  }

  public List<FakeMessage> sentTo(String phone) {
    return sent().stream().filter(m -> m.to().equals(phone)).toList();
  }

  /** Forgets messages, requests and test stubs; the fake's own answers stay. */
  public void reset() {
    server.resetAll();
    messages.clear();
    lookup.clear();
    addDefaultStubs();
  }

  @Override
  public void close() {
    server.stop();
  }
}
