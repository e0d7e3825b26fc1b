package io.textback.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;

/** What every CRM fake is, whichever vendor it plays: a WireMock server and what it received. */
public abstract class VendorFake implements AutoCloseable {
  protected final WireMockServer server;

  protected VendorFake(WireMockServer server) {
    this.server = server;
  }

  /** Every request the vendor received (API calls), 429s included. */
  public int requestCount() {
    return server.getAllServeEvents().size();
  }

  /** Requests the vendor answered with 429. */
  public long rateLimitedCount() {
    return server.getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() == 429).count();
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
