package io.textback.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * A WireMock server standing in for HubSpot's API, with its /__admin API so a person can see what
 * HubSpot received. It answers nothing yet: the HubSpot steps come with the CRM work.
 */
public final class HubSpotFake implements AutoCloseable {
  private final WireMockServer server;

  private HubSpotFake(int port) {
    server = new WireMockServer(WireMockConfiguration.options().port(port).jettyAcceptors(2));
    server.start();
  }

  public static HubSpotFake start(int port) {
    return new HubSpotFake(port);
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

  @Override
  public void close() {
    server.stop();
  }
}
