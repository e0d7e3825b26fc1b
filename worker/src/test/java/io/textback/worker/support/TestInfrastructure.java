package io.textback.worker.support;

import io.textback.testkit.EmbeddedDatabase;
import io.textback.testkit.HubSpotFake;
import io.textback.testkit.ProcessTestEngine;
import io.textback.testkit.TwilioFake;

/** The real parts the worker tests run against, started once per test JVM. */
public final class TestInfrastructure {
  public static final String AUTH_TOKEN = "test-auth-token";
  public static final String PUBLIC_BASE_URL = "https://textback.example.com";

  private static EmbeddedDatabase database;
  private static ProcessTestEngine engine;
  private static TwilioFake twilio;
  private static HubSpotFake hubspot;
  private static io.textback.testkit.HighLevelFake highLevel;
  /** HighLevel's webhook signing key, as the tests play HighLevel (its public half is in the settings). */
  public static final java.security.KeyPair HIGHLEVEL_WEBHOOK_KEY = rsaKeyPair();
  public static final String HIGHLEVEL_PIT = "pit-ridge-electric";

  private TestInfrastructure() {}

  public static synchronized EmbeddedDatabase database() {
    if (database == null) {
      database = EmbeddedDatabase.start(0);
    }
    return database;
  }

  public static synchronized ProcessTestEngine engine() {
    if (engine == null) {
      engine = new ProcessTestEngine();
    }
    return engine;
  }

  public static synchronized HubSpotFake hubspot() {
    if (hubspot == null) {
      hubspot = HubSpotFake.start(0);
      // The portals' tokens and the app's developer key in WorkerIntegrationTest: any other is a 401.
      hubspot.credentials().acceptOnly("pat-na1-demo", "pat-na1-late", "test-developer-key");
    }
    return hubspot;
  }

  public static synchronized io.textback.testkit.HighLevelFake highLevel() {
    if (highLevel == null) {
      highLevel = io.textback.testkit.HighLevelFake.start(0);
      // the PIT of ridge-electric, and the tokens the fake itself issues at an install or refresh
      highLevel.credentials().acceptOnly(HIGHLEVEL_PIT);
    }
    return highLevel;
  }

  private static java.security.KeyPair rsaKeyPair() {
    try {
      return java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static synchronized TwilioFake twilio() {
    if (twilio == null) {
      twilio = TwilioFake.start(0);
      twilio.credentials().acceptOnly(AUTH_TOKEN);
    }
    return twilio;
  }
}
