package io.textback.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.textback.testkit.contract.FakeCredentials;
import io.textback.testkit.contract.HeldToContract;
import io.textback.testkit.contract.VendorContract;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A WireMock server that answers like HighLevel's API v2 for the locations textback writes to
 * (contacts, notes, tasks, conversations and their messages, opportunities, the token endpoint), with
 * its /__admin API. Every request is first held to HighLevel's contract (contracts/gohighlevel.json:
 * paths, the Version header each operation takes, bodies): what HighLevel would refuse is refused.
 */
public final class HighLevelFake extends VendorFake {
  private final FakeCredentials credentials;
  private final HighLevelTransformer api;
  private final java.time.Duration latency;

  private HighLevelFake(int port, java.time.Duration latency) {
    this(port, latency, new FakeCredentials());
  }

  private HighLevelFake(int port, java.time.Duration latency, FakeCredentials credentials) {
    this(port, latency, credentials, new HighLevelTransformer(credentials));
  }

  private HighLevelFake(int port, java.time.Duration latency, FakeCredentials credentials, HighLevelTransformer api) {
    super(new WireMockServer(WireMockConfiguration.options().port(port)
        .extensions(api, new HeldToContract(VendorContract.gohighlevel(), credentials))
        .containerThreads(64).jettyAcceptors(2)));
    this.credentials = credentials;
    this.api = api;
    this.latency = latency;
    server.start();
    addDefaultStubs();
  }

  public static HighLevelFake start(int port) {
    return new HighLevelFake(port, java.time.Duration.ZERO);
  }

  /** Each answer after {@code latency}, as the real API's would be. */
  public static HighLevelFake start(int port, java.time.Duration latency) {
    return new HighLevelFake(port, latency);
  }

  private void addDefaultStubs() {
    server.stubFor(any(urlPathMatching("/(contacts|conversations|opportunities|oauth)/.*")).atPriority(10)
        .willReturn(aResponse().withTransformers(HighLevelTransformer.NAME).withHeader("Content-Type", "application/json")
            .withFixedDelay((int) latency.toMillis())));
  }

  /** Models the location's burst limit: beyond it, 429. 0 turns it off. */
  public void limitTo(int requestsPer10Seconds) {
    api.limitTo(requestsPer10Seconds);
  }

  public FakeCredentials credentials() {
    return credentials;
  }

  public List<HighLevelRecord> records() {
    return api.records();
  }

  /** Records of a type: contact, contact-update, note, task, conversation, message, opportunity. */
  public List<HighLevelRecord> records(String type) {
    return records().stream().filter(r -> r.type().equals(type)).toList();
  }

  public Optional<Map<String, Object>> contact(String contactId) {
    return api.contact(contactId);
  }

  /**
   * An agent types a reply in HighLevel's inbox and HighLevel hands it to the location's conversation
   * provider: the message (pending), whose id the ProviderOutboundMessage delivery carries.
   */
  public Map<String, Object> agentTypes(String locationId, String contactId, String providerId, String text) {
    return api.agentMessage(locationId, contactId, providerId, text);
  }

  /** The code HighLevel hands the app's redirect when an admin installs it on this location. */
  public String authorizationCode(String locationId) {
    return api.authorizationCode(locationId);
  }

  public void reset() {
    server.resetAll();
    api.clear();
    addDefaultStubs();
  }

}
