package io.textback.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.textback.testkit.contract.FakeCredentials;
import io.textback.testkit.contract.HeldToContract;
import io.textback.testkit.contract.VendorContract;
import java.time.Duration;
import java.util.List;

/**
 * A WireMock server that answers like a HubSpot portal (contacts, calls, deals, tasks,
 * communications, custom-channel messages), with its /__admin API so a person can see what HubSpot
 * received. Test stubs (default priority) win over the fake's own (priority 10). Every request is
 * first held to HubSpot's contract (contracts/hubspot.json): what HubSpot would refuse is refused.
 */
public final class HubSpotFake extends VendorFake {
  private final HubSpotCrmTransformer crm;
  private final FakeCredentials credentials;
  private final Duration latency;

  private HubSpotFake(int port, Duration latency) {
    this(port, latency, new HubSpotCrmTransformer(), new FakeCredentials());
  }

  private HubSpotFake(int port, Duration latency, HubSpotCrmTransformer crm, FakeCredentials credentials) {
    super(new WireMockServer(WireMockConfiguration.options().port(port)
        .extensions(crm, new HeldToContract(VendorContract.hubspot(), credentials))
        .containerThreads(64).jettyAcceptors(2)));
    this.crm = crm;
    this.credentials = credentials;
    this.latency = latency;
    server.start();
    addDefaultStubs();
  }

  public static HubSpotFake start(int port) {
    return new HubSpotFake(port, Duration.ZERO);
  }

  public static HubSpotFake start(int port, Duration latency) {
    return new HubSpotFake(port, latency);
  }

  private void addDefaultStubs() {
    server.stubFor(any(urlPathMatching("/(crm|conversations)/.*")).atPriority(10)
        .willReturn(aResponse().withTransformers(HubSpotCrmTransformer.NAME)
            .withHeader("Content-Type", "application/json").withFixedDelay((int) latency.toMillis())));
  }

  /** Models the portal's burst limit: beyond it, 429 with Retry-After: 1. 0 turns it off. */
  public void limitTo(int requestsPer10Seconds) {
    crm.limitTo(requestsPer10Seconds);
  }

  /** The portal tokens and developer keys this portal takes (any non-blank one until a test says). */
  public FakeCredentials credentials() {
    return credentials;
  }

  public List<HubSpotRecord> records() {
    return crm.records();
  }

  /** Created records of a type: contacts, calls, 0-3 (deals), tasks, communications, messages. */
  public List<HubSpotRecord> records(String type) {
    return records().stream().filter(r -> r.type().equals(type)).toList();
  }

  public void reset() {
    server.resetAll();
    crm.clear();
    addDefaultStubs();
  }

}
