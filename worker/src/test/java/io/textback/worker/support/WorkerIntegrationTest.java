package io.textback.worker.support;

import io.textback.testkit.ProcessTestEngine;
import io.textback.testkit.TwilioFake;
import io.textback.testkit.TwilioPhone;
import java.net.URI;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The worker as a user runs it: real HTTP, the in-memory Zeebe engine over gRPC, embedded
 * PostgreSQL, and the WireMock Twilio. Two businesses: Demo Plumbing rings the owner (DIAL), Cool Air
 * HVAC forwards missed calls to its Twilio number (FORWARDED) and texts after a voicemail too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "textback.public-base-url=" + TestInfrastructure.PUBLIC_BASE_URL,
    "textback.deploy-processes=true",
    "textback.twilio.account-sid=" + TwilioFake.ACCOUNT_SID,
    "textback.twilio.auth-token=" + TestInfrastructure.AUTH_TOKEN,
    "textback.twilio.read-timeout=1s",
    "textback.relay.max-backoff=1s",
    "textback.businesses[0].id=demo-plumbing",
    "textback.businesses[0].name=Demo Plumbing",
    "textback.businesses[0].twilio-number=+15550100000",
    "textback.businesses[0].forward-to=+15550100001",
    "textback.businesses[0].blocked-numbers[0]=(555) 010-9999",
    "textback.businesses[0].dispatcher-phone=+15550100002",
    "textback.businesses[0].hubspot.access-token=pat-na1-demo",
    "textback.businesses[0].hubspot.portal-id=62515",
    "textback.businesses[0].hubspot.channel-id=1001",
    "textback.businesses[0].hubspot.channel-account-id=acct-1",
    "textback.businesses[0].hubspot.owner-id=77",
    "textback.hubspot.client-secret=test-client-secret",
    "textback.hubspot.developer-api-key=test-developer-key",
    "textback.hubspot.app-id=7",
    // Spring Boot's tests turn metric exports off; Prometheus is part of what these tests check
    "management.prometheus.metrics.export.enabled=true",
    "textback.console.admins[0].username=" + WorkerIntegrationTest.ADMIN,
    "textback.console.admins[0].password={noop}" + WorkerIntegrationTest.ADMIN_PASSWORD,
    // a second admin, whose name the login-throttling test may lock without locking the tests out
    "textback.console.admins[1].username=guarded",
    "textback.console.admins[1].password={noop}guarded-password",
    // the Prometheus scrape login: metrics only
    "textback.console.admins[2].username=scraper",
    "textback.console.admins[2].password={noop}scraper-password",
    "textback.console.admins[2].role=METRICS",
    // a member of Cool Air HVAC only: the tenant-isolation test reaches for everyone else's data with it
    "textback.console.admins[3].username=" + WorkerIntegrationTest.COOL_MEMBER,
    "textback.console.admins[3].password={noop}" + WorkerIntegrationTest.COOL_MEMBER_PASSWORD,
    "textback.console.admins[3].role=MEMBER",
    "textback.console.admins[3].businesses[0]=cool-air",
    "textback.businesses[0].manager-phone=+15550100003",
    "textback.businesses[0].form-secret=" + WorkerIntegrationTest.FORM_SECRET,
    // open and allowed to text around the clock, so timers in these tests do not depend on the hour
    "textback.businesses[0].quiet-hours=00:00-24:00",
    "textback.businesses[0].opening-hours.monday=00:00-24:00",
    "textback.businesses[0].opening-hours.tuesday=00:00-24:00",
    "textback.businesses[0].opening-hours.wednesday=00:00-24:00",
    "textback.businesses[0].opening-hours.thursday=00:00-24:00",
    "textback.businesses[0].opening-hours.friday=00:00-24:00",
    "textback.businesses[0].opening-hours.saturday=00:00-24:00",
    "textback.businesses[0].opening-hours.sunday=00:00-24:00",
    "textback.businesses[1].id=cool-air",
    "textback.businesses[1].name=Cool Air HVAC",
    "textback.businesses[1].twilio-number=+15550200000",
    "textback.businesses[1].connection=FORWARDED",
    "textback.businesses[1].text-on-voicemail=true",
    "textback.businesses[1].voicemail-window=30s",
    // default hours (Monday to Friday 08:00-18:00) and quiet hours (08:00-21:00), New York
    "textback.businesses[2].id=late-electric",
    "textback.businesses[2].name=Late Electric",
    "textback.businesses[2].twilio-number=+15550300000",
    "textback.businesses[2].forward-to=+15550300001",
    "textback.businesses[2].timezone=America/New_York",
    // a portal without a custom channel (no Sales/Service Hub Professional): texts become communications
    "textback.businesses[2].hubspot.access-token=pat-na1-late",
    "textback.businesses[2].hubspot.portal-id=62516",
    // Late Electric texts its own country only (the default); Demo Plumbing serves the UK too
    "textback.businesses[2].form-secret=" + WorkerIntegrationTest.FORM_SECRET,
    // Jobs reach the workers by streaming; polling is only the fallback. Each poll of each job type
    // (some 30 of them) is a command in the embedded engine's log: ten a second each kept it from
    // ever being idle for a test's wait, and with the CRM adapters' job types one a second did too.
    "camunda.client.worker.defaults.poll-interval=PT5S",
    "textback.businesses[0].text-countries[0]=US",
    "textback.businesses[0].text-countries[1]=GB",
    // Test callers are numbers side by side in one range (newCaller): the caps are tested with
    // capped-hvac alone, the other businesses take any number of first texts.
    "textback.businesses[0].limits.first-texts-per-hour=1000000",
    "textback.businesses[0].limits.first-texts-per-hour-per-prefix=1000000",
    "textback.businesses[0].limits.forms-per-address-per-hour=1000000",
    "textback.businesses[1].limits.first-texts-per-hour=1000000",
    "textback.businesses[1].limits.first-texts-per-hour-per-prefix=1000000",
    "textback.businesses[2].limits.first-texts-per-hour=1000000",
    "textback.businesses[2].limits.first-texts-per-hour-per-prefix=1000000",
    "textback.businesses[2].limits.forms-per-address-per-hour=1000000",
    "textback.businesses[3].id=capped-hvac",
    "textback.businesses[3].name=Capped HVAC",
    "textback.businesses[3].twilio-number=+15550400000",
    "textback.businesses[3].forward-to=+15550400001",
    "textback.businesses[3].form-secret=" + WorkerIntegrationTest.FORM_SECRET,
    "textback.businesses[3].opening-hours.monday=00:00-24:00",
    "textback.businesses[3].opening-hours.tuesday=00:00-24:00",
    "textback.businesses[3].opening-hours.wednesday=00:00-24:00",
    "textback.businesses[3].opening-hours.thursday=00:00-24:00",
    "textback.businesses[3].opening-hours.friday=00:00-24:00",
    "textback.businesses[3].opening-hours.saturday=00:00-24:00",
    "textback.businesses[3].opening-hours.sunday=00:00-24:00",
    "textback.businesses[3].limits.first-texts-per-hour=4",
    "textback.businesses[3].limits.first-texts-per-hour-per-prefix=2",
    "textback.businesses[3].limits.forms-per-address-per-hour=3",
    // On HighLevel: summit-hvac through the marketplace app (its conversation provider and a Call
    // provider), ridge-electric through a Private Integration token (notes, no inbox thread).
    // The fakes take any pace unless a test limits them: the CRM steps of one test's journeys are
    // done at once, not trailing into the next tests while the shared engine is asked to be idle.
    "textback.hubspot.requests-per-10-seconds=1000",
    "textback.hubspot.searches-per-second=100",
    "textback.gohighlevel.requests-per-10-seconds=1000",
    "textback.gohighlevel.client-id=test-highlevel-client",
    "textback.gohighlevel.client-secret=test-highlevel-secret",
    "textback.businesses[4].id=summit-hvac",
    "textback.businesses[4].name=Summit HVAC",
    "textback.businesses[4].twilio-number=+15550500000",
    "textback.businesses[4].forward-to=+15550500001",
    "textback.businesses[4].form-secret=" + WorkerIntegrationTest.FORM_SECRET,
    "textback.businesses[4].quiet-hours=00:00-24:00",
    "textback.businesses[4].limits.first-texts-per-hour=1000000",
    "textback.businesses[4].limits.first-texts-per-hour-per-prefix=1000000",
    "textback.businesses[4].limits.forms-per-address-per-hour=1000000",
    "textback.businesses[4].gohighlevel.location-id=loc-summit",
    "textback.businesses[4].gohighlevel.conversation-provider-id=prov-sms",
    "textback.businesses[4].gohighlevel.call-provider-id=prov-call",
    "textback.businesses[4].gohighlevel.pipeline-id=pipe-summit",
    "textback.businesses[4].gohighlevel.new-lead-stage-id=stage-new",
    "textback.businesses[4].gohighlevel.booked-stage-id=stage-booked",
    "textback.businesses[4].gohighlevel.owner-user-id=user-dispatch",
    "textback.businesses[5].id=ridge-electric",
    "textback.businesses[5].name=Ridge Electric",
    "textback.businesses[5].twilio-number=+15550600000",
    "textback.businesses[5].forward-to=+15550600001",
    "textback.businesses[5].limits.first-texts-per-hour=1000000",
    "textback.businesses[5].limits.first-texts-per-hour-per-prefix=1000000",
    "textback.businesses[5].gohighlevel.location-id=loc-ridge",
    "textback.businesses[5].gohighlevel.private-integration-token=" + TestInfrastructure.HIGHLEVEL_PIT,
    "textback.businesses[5].gohighlevel.pipeline-id=pipe-ridge",
    "textback.businesses[5].gohighlevel.new-lead-stage-id=stage-new",
})
@Import(FaultInjection.Config.class)
public abstract class WorkerIntegrationTest {
  public static final String DEMO_NUMBER = "+15550100000";
  public static final String FORM_SECRET = "test-form-secret";
  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "test-admin-password";
  /** The Authorization header of an admin calling /api. */
  public static final String ADMIN_AUTH = "Basic " + java.util.Base64.getEncoder()
      .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  public static final String COOL_MEMBER = "cool-member";
  public static final String COOL_MEMBER_PASSWORD = "cool-member-password";
  public static final String FORWARDING_NUMBER = "+15550200000";
  public static final String LATE_NUMBER = "+15550300000";
  public static final String CAPPED_NUMBER = "+15550400000";
  /** On HighLevel with the marketplace app (conversation and Call providers). */
  public static final String SUMMIT_NUMBER = "+15550500000";
  /** On HighLevel with a Private Integration token. */
  public static final String RIDGE_NUMBER = "+15550600000";
  public static final String DISPATCHER = "+15550100002";
  public static final String MANAGER = "+15550100003";

  /**
   * The engine is shared by every test class: each leaves no running journey behind, or the next
   * class's clock moves would fire every earlier class's follow-ups at once (hundreds of texts in
   * one step: the engine was not idle within its wait, and the Twilio fake timed out).
   */
  @org.junit.jupiter.api.AfterAll
  static void leaveNoJourneyRunning() {
    TestInfrastructure.engine().cancelAll();
  }

  @LocalServerPort protected int port;
  @Autowired protected JdbcClient jdbc;

  /**
   * Points the worker at the shared engine and database. Each test class calls this (or its own
   * variant) from a @DynamicPropertySource method: one registration per class, so none overrides another.
   */
  protected static void sharedInfrastructure(DynamicPropertyRegistry registry) {
    infrastructure(registry, () -> "http://" + TestInfrastructure.engine().gatewayAddress(),
        () -> TestInfrastructure.database().jdbcUrl());
  }

  protected static void infrastructure(DynamicPropertyRegistry registry,
      java.util.function.Supplier<Object> grpcAddress, java.util.function.Supplier<Object> jdbcUrl) {
    registry.add("spring.datasource.url", jdbcUrl);
    // each context its own spool folder: a worker refuses one another worker holds
    java.nio.file.Path spool = newSpoolDirectory();
    registry.add("textback.spool.directory", spool::toString);
    registry.add("spring.datasource.username", () -> TestInfrastructure.database().username());
    registry.add("spring.datasource.password", () -> TestInfrastructure.database().password());
    registry.add("camunda.client.grpc-address", grpcAddress);
    registry.add("textback.twilio.base-url", () -> TestInfrastructure.twilio().baseUrl());
    registry.add("textback.twilio.lookup-base-url", () -> TestInfrastructure.twilio().baseUrl());
    registry.add("textback.twilio.messaging-base-url", () -> TestInfrastructure.twilio().baseUrl());
    registry.add("textback.hubspot.base-url", () -> TestInfrastructure.hubspot().baseUrl());
    registry.add("textback.gohighlevel.base-url", () -> TestInfrastructure.highLevel().baseUrl());
    registry.add("textback.gohighlevel.legacy-webhook-public-key", () -> java.util.Base64.getEncoder()
        .encodeToString(TestInfrastructure.HIGHLEVEL_WEBHOOK_KEY.getPublic().getEncoded()));
  }

  private static java.nio.file.Path newSpoolDirectory() {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("textback-spool-");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  protected ProcessTestEngine engine() {
    return TestInfrastructure.engine();
  }

  /**
   * Each test starts on a weekday between 10:00 and 16:00 in New York (09:00 to 15:00 in Chicago),
   * inside every business's opening hours and every texting window.
   */
  @org.junit.jupiter.api.BeforeEach
  void startInTheDaytime() {
    engine().moveToDaytime(java.time.ZoneId.of("America/New_York"));
  }

  protected io.textback.testkit.HubSpotFake hubspot() {
    return TestInfrastructure.hubspot();
  }

  protected io.textback.testkit.HighLevelFake highLevel() {
    return TestInfrastructure.highLevel();
  }

  protected TwilioFake twilio() {
    return TestInfrastructure.twilio();
  }

  /** Twilio as seen by the worker: signed webhooks over the public URL. */
  protected TwilioPhone phone() {
    return new TwilioPhone(URI.create("http://localhost:" + port), TestInfrastructure.PUBLIC_BASE_URL,
        TestInfrastructure.AUTH_TOKEN);
  }

  private static final java.util.concurrent.atomic.AtomicInteger CALLERS =
      new java.util.concurrent.atomic.AtomicInteger((int) (System.nanoTime() % 5000));

  /** A missed call whose caller hangs up at the greeting, once the text-back is at the Twilio fake. */
  protected io.textback.testkit.TwilioPhone.Call missedAndTextedBack(String caller, String businessNumber) {
    io.textback.testkit.TwilioPhone.Call call = phone().call(caller, businessNumber);
    call.missed();
    call.hangsUpAtGreeting();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
        .until(() -> twilio().sentTo(caller).size() == 1);
    return call;
  }

  /** An admin's call to the worker's /api: {@code json} is the body (null for none); the answer as text. */
  protected java.net.http.HttpResponse<String> api(String method, String path, String json) throws Exception {
    java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", ADMIN_AUTH)
        .method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  /** A caller number no other test uses. */
  protected static String newCaller() {
    return "+1555%07d".formatted(3_000_000 + CALLERS.incrementAndGet());
  }
}
