package io.textback.local;

import io.textback.testkit.EmbeddedDatabase;
import io.textback.testkit.HighLevelFake;
import io.textback.testkit.HubSpotFake;
import io.textback.testkit.ProcessTestEngine;
import io.textback.testkit.TwilioFake;
import io.textback.worker.TextbackApplication;
import io.textback.worker.deploy.ProcessDeployer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Everything local mode runs, in one JVM: the in-memory Zeebe engine (gRPC), embedded PostgreSQL,
 * the Twilio and HubSpot fakes, and the worker with the demo business.
 */
public final class LocalStack implements AutoCloseable {
  /**
   * The demo businesses without their pumping caps: a benchmark's or a test's callers are numbers side
   * by side in one range, hundreds an hour, which is what the caps stop (local mode keeps them).
   */
  public static final Map<String, Object> UNCAPPED = Map.of(
      "textback.businesses[0].limits.first-texts-per-hour", 1_000_000,
      "textback.businesses[0].limits.first-texts-per-hour-per-prefix", 1_000_000,
      "textback.businesses[0].limits.forms-per-address-per-hour", 1_000_000,
      "textback.businesses[1].limits.first-texts-per-hour", 1_000_000,
      "textback.businesses[1].limits.first-texts-per-hour-per-prefix", 1_000_000,
      "textback.businesses[1].limits.forms-per-address-per-hour", 1_000_000,
      "textback.businesses[2].limits.first-texts-per-hour", 1_000_000,
      "textback.businesses[2].limits.first-texts-per-hour-per-prefix", 1_000_000);
  public static final String DEMO_BUSINESS = "demo-plumbing";
  /** Signs the demo business's web forms (the README's curl example uses it). */
  public static final String DEMO_FORM_SECRET = "local-form-secret";
  public static final String DEMO_TWILIO_NUMBER = "+15550100000";
  public static final String DEMO_FORWARD_TO = "+15550100001";
  public static final String DEMO_DISPATCHER = "+15550100002";
  public static final String DEMO_MANAGER = "+15550100003";
  public static final String DEMO_PORTAL = "62515";
  public static final String DEMO_CHANNEL = "1001";
  public static final String DEMO_CHANNEL_ACCOUNT = "acct-demo";
  /** The demo portal's access token (the HubSpot fake takes no other). */
  public static final String DEMO_HUBSPOT_TOKEN = "local-hubspot-token";
  /** The CRM apps' client secret in local mode (HubSpot signs its webhooks with it; HighLevel takes it at the token endpoint). */
  public static final String LOCAL_APP_SECRET = "local-crm-app-secret";
  /** The second demo business, on HighLevel through textback's marketplace app. */
  public static final String DEMO_HIGHLEVEL_BUSINESS = "summit-hvac";
  public static final String DEMO_HIGHLEVEL_NUMBER = "+15550500000";
  public static final String DEMO_HIGHLEVEL_LOCATION = "loc-summit-demo";
  /** The third demo business: no CRM, its leads are answered in the console's inbox. */
  public static final String DEMO_CONSOLE_BUSINESS = "bright-electric";
  public static final String DEMO_CONSOLE_NUMBER = "+15550700000";
  /** A number of the demo Twilio account that no business uses yet (the console can connect it). */
  public static final String SPARE_NUMBER = "+15550900000";
  /** Local mode's console login (textback.console.admins). */
  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "textback";

  private final EmbeddedDatabase database;
  private final ProcessTestEngine engine;
  private final TwilioFake twilio;
  private final HubSpotFake hubspot;
  private final HighLevelFake highLevel;
  private volatile ConfigurableApplicationContext worker;
  private final List<ConfigurableApplicationContext> moreWorkers = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Map<String, Object> properties;
  private final LocalSettings settings;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  private LocalStack(LocalSettings settings, Duration fakeLatency, Map<String, Object> extraProperties) {
    this.settings = settings;
    if (settings.home() != null) {
      LocalHome.claim(settings.home());
      // A run killed with kill -9 leaves its PostgreSQL running on its port: stop it before the
      // ports are checked, so this start is clean and never joins a new engine to old conversations.
      EmbeddedDatabase.stopOrphan(settings.home().resolve("postgres"));
    }
    LocalPorts.requireFree(settings.fixedPorts());
    List<AutoCloseable> started = new ArrayList<>();
    try {
      database = settings.home() == null ? EmbeddedDatabase.start(settings.postgresPort())
          : EmbeddedDatabase.startClean(settings.home().resolve("postgres"), settings.postgresPort());
      started.add(database);
      int enginePort = settings.enginePort() == 0 ? LocalPorts.free() : settings.enginePort();
      engine = settings.home() == null ? new ProcessTestEngine(enginePort)
          : new ProcessTestEngine(enginePort, settings.home().resolve("engine"));
      started.add(engine);
      twilio = TwilioFake.start(settings.twilioPort(), fakeLatency);
      started.add(twilio);
      hubspot = HubSpotFake.start(settings.hubspotPort(), fakeLatency);
      started.add(hubspot);
      highLevel = HighLevelFake.start(settings.highLevelPort(), fakeLatency);
      started.add(highLevel);
      // Only the demo account's secrets are good, as on the real services.
      twilio.credentials().acceptOnly(settings.twilioAuthToken());
      // The demo numbers are registered for A2P, as a business's must be before it texts US leads.
      twilio.registerForA2p(DEMO_TWILIO_NUMBER, "VERIFIED");
      twilio.registerForA2p(DEMO_HIGHLEVEL_NUMBER, "VERIFIED");
      twilio.registerForA2p(DEMO_CONSOLE_NUMBER, "VERIFIED");
      // the demo numbers point at local mode, as "Connect" leaves them; a spare one is new, to try it on
      for (String number : List.of(DEMO_TWILIO_NUMBER, DEMO_HIGHLEVEL_NUMBER, DEMO_CONSOLE_NUMBER)) {
        twilio.ownNumber(number, settings.publicBaseUrl() + "/webhooks/twilio/voice",
            settings.publicBaseUrl() + "/webhooks/twilio/voice/status", settings.publicBaseUrl() + "/webhooks/twilio/sms");
      }
      twilio.ownNumber(SPARE_NUMBER, "https://demo.twilio.com/welcome/voice/", "", "https://demo.twilio.com/welcome/sms/reply/");
      hubspot.credentials().acceptOnly(DEMO_HUBSPOT_TOKEN);
      properties = new LinkedHashMap<>(workerProperties());
      properties.put("textback.spool.directory", spoolDirectory(settings, "spool").toString());
      properties.putAll(extraProperties);
      worker = startWorker();
      installHighLevelApp();
    } catch (RuntimeException e) {
      // Nothing of a failed start may outlive it: a PostgreSQL or a fake left running keeps the JVM
      // (and the ports) alive after the error.
      Collections.reverse(started);
      for (AutoCloseable part : started) {
        try {
          part.close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (settings.home() != null) {
        LocalHome.release(settings.home());
      }
      throw e;
    }
  }

  /**
   * The demo location's admin installs textback's marketplace app, as they would at HighLevel: the
   * code the fake hands out is exchanged by the worker for the location's tokens.
   */
  private void installHighLevelApp() {
    worker.getBean(io.textback.worker.crm.gohighlevel.HighLevelTokens.class).install(
        highLevel.authorizationCode(DEMO_HIGHLEVEL_LOCATION),
        settings.publicBaseUrl() + io.textback.worker.crm.gohighlevel.HighLevelInstallController.CALLBACK_PATH);
  }

  /**
   * Where the worker spools webhooks while PostgreSQL is down: kept across restartWorker, as a
   * production worker's volume is. Local mode starts clean, so a folder left by a killed run is
   * emptied first (its webhooks belonged to a PostgreSQL and an engine that are gone).
   */
  private static java.nio.file.Path spoolDirectory(LocalSettings settings, String name) {
    try {
      if (settings.home() == null) {
        return java.nio.file.Files.createTempDirectory("textback-local-" + name + "-");
      }
      java.nio.file.Path dir = settings.home().resolve(name);
      if (java.nio.file.Files.isDirectory(dir)) {
        try (var files = java.nio.file.Files.list(dir)) {
          for (java.nio.file.Path file : files.toList()) {
            java.nio.file.Files.delete(file);
          }
        }
      }
      return dir;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot prepare the spool folder", e);
    }
  }

  /** The worker process: stopped and started again by restartWorker, everything else stays up. */
  private ConfigurableApplicationContext startWorker() {
    return startWorker(Map.of());
  }

  private ConfigurableApplicationContext startWorker(Map<String, Object> overrides) {
    // Above the worker's application.yaml, below environment variables and system properties, so a
    // user can still override any of them (TEXTBACK_PUBLIC_BASE_URL=...). Set before the worker's
    // environment post-processors run, so BusinessSettingOverrides sees the demo business too.
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addAfter(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new MapPropertySource("textback-local", properties));
    if (!overrides.isEmpty()) {
      environment.getPropertySources().addBefore("textback-local", new MapPropertySource("textback-local-worker", overrides));
    }
    PhoneSimulator simulator = new PhoneSimulator(settings, twilio,
        () -> worker.getBean(io.textback.worker.business.BusinessDirectory.class));
    return new SpringApplicationBuilder(TextbackApplication.class).environment(environment)
        .initializers(context -> context.getBeanFactory().registerSingleton("phoneSimulator", simulator))
        .run();
  }

  /** Stops the worker (as a crash or a deploy would) and starts it again on the same port. */
  public void restartWorker() {
    stopWorker();
    startStoppedWorker();
  }

  /**
   * Starts one more worker on this stack: the same engine, PostgreSQL, fakes and businesses, its own
   * port and spool folder (what running two workers in production means). Closed with the stack.
   *
   * @return its URL
   */
  public String addWorker(int port) {
    Map<String, Object> own = new LinkedHashMap<>();
    own.put("server.port", port == 0 ? LocalPorts.free() : port);
    own.put("textback.deploy-processes", false); // the first worker deployed them
    own.put("textback.spool.directory", spoolDirectory(settings, "spool-" + (moreWorkers.size() + 2)).toString());
    ConfigurableApplicationContext added = startWorker(own);
    moreWorkers.add(added);
    return "http://localhost:" + ((WebServerApplicationContext) added).getWebServer().getPort();
  }

  /** Every worker's URL, the first worker's first. */
  public List<String> workerUrls() {
    List<String> urls = new ArrayList<>(List.of(workerUrl()));
    for (ConfigurableApplicationContext more : moreWorkers) {
      urls.add("http://localhost:" + ((WebServerApplicationContext) more).getWebServer().getPort());
    }
    return urls;
  }

  /** Stops the worker; everything else stays up (another worker may take its port meanwhile). */
  public void stopWorker() {
    worker.close();
  }

  /** Starts the worker {@link #stopWorker} stopped, on the same port and spool folder. */
  public void startStoppedWorker() {
    worker = startWorker();
  }

  /** The properties the worker runs with: another worker on this stack starts with the same. */
  public Map<String, Object> workerSettings() {
    return Collections.unmodifiableMap(properties);
  }

  public static LocalStack start(LocalSettings settings) {
    return new LocalStack(settings, Duration.ZERO, Map.of());
  }

  public static LocalStack start(LocalSettings settings, Duration fakeLatency, Map<String, Object> extraProperties) {
    return new LocalStack(settings, fakeLatency, extraProperties);
  }

  private Map<String, Object> workerProperties() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("server.port", settings.workerPort());
    p.put("spring.datasource.url", database.jdbcUrl());
    p.put("spring.datasource.username", database.username());
    p.put("spring.datasource.password", database.password());
    p.put("camunda.client.grpc-address", "http://" + engine.gatewayAddress());
    p.put("textback.deploy-processes", true);
    p.put("textback.public-base-url", settings.publicBaseUrl());
    p.put("textback.twilio.base-url", twilio.baseUrl());
    p.put("textback.twilio.lookup-base-url", twilio.baseUrl());
    p.put("textback.twilio.messaging-base-url", twilio.baseUrl());
    p.put("textback.twilio.account-sid", TwilioFake.ACCOUNT_SID);
    p.put("textback.twilio.auth-token", settings.twilioAuthToken());
    p.put("textback.businesses[0].id", DEMO_BUSINESS);
    p.put("textback.businesses[0].name", "Demo Plumbing");
    p.put("textback.businesses[0].twilio-number", DEMO_TWILIO_NUMBER);
    p.put("textback.businesses[0].forward-to", DEMO_FORWARD_TO);
    p.put("textback.businesses[0].timezone", "America/New_York");
    p.put("textback.businesses[0].voicemail-window", settings.voicemailWindow());
    // Written out (they are the worker's default), so that one day set from the environment
    // (TEXTBACK_BUSINESSES_0_OPENINGHOURS_SATURDAY=...) adds that day and keeps these.
    for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
      p.put("textback.businesses[0].opening-hours." + day, "08:00-18:00");
    }
    p.put("textback.hubspot.base-url", hubspot.baseUrl());
    p.put("textback.hubspot.client-secret", LOCAL_APP_SECRET);
    p.put("textback.businesses[0].hubspot.access-token", DEMO_HUBSPOT_TOKEN);
    p.put("textback.businesses[0].hubspot.portal-id", DEMO_PORTAL);
    p.put("textback.businesses[0].hubspot.channel-id", DEMO_CHANNEL);
    p.put("textback.businesses[0].hubspot.channel-account-id", DEMO_CHANNEL_ACCOUNT);
    p.put("textback.businesses[0].dispatcher-phone", DEMO_DISPATCHER);
    p.put("textback.businesses[0].manager-phone", DEMO_MANAGER);
    p.put("textback.businesses[0].form-secret", DEMO_FORM_SECRET);
    p.put("textback.gohighlevel.base-url", highLevel.baseUrl());
    p.put("textback.gohighlevel.client-id", "local-highlevel-app");
    p.put("textback.gohighlevel.client-secret", LOCAL_APP_SECRET);
    p.put("textback.businesses[1].id", DEMO_HIGHLEVEL_BUSINESS);
    p.put("textback.businesses[1].name", "Summit HVAC");
    p.put("textback.businesses[1].twilio-number", DEMO_HIGHLEVEL_NUMBER);
    p.put("textback.businesses[1].forward-to", "+15550500001");
    p.put("textback.businesses[1].timezone", "America/New_York");
    p.put("textback.businesses[1].voicemail-window", settings.voicemailWindow());
    for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
      p.put("textback.businesses[1].opening-hours." + day, "08:00-18:00");
    }
    p.put("textback.businesses[1].form-secret", DEMO_FORM_SECRET);
    p.put("textback.businesses[1].gohighlevel.location-id", DEMO_HIGHLEVEL_LOCATION);
    p.put("textback.businesses[1].gohighlevel.conversation-provider-id", "prov-textback-sms");
    p.put("textback.businesses[1].gohighlevel.pipeline-id", "pipe-demo");
    p.put("textback.businesses[1].gohighlevel.new-lead-stage-id", "stage-new-lead");
    p.put("textback.businesses[1].gohighlevel.booked-stage-id", "stage-booked");
    p.put("textback.businesses[2].id", DEMO_CONSOLE_BUSINESS);
    p.put("textback.businesses[2].name", "Bright Electric");
    p.put("textback.businesses[2].twilio-number", DEMO_CONSOLE_NUMBER);
    p.put("textback.businesses[2].forward-to", "+15550700001");
    p.put("textback.businesses[2].timezone", "America/New_York");
    p.put("textback.businesses[2].voicemail-window", settings.voicemailWindow());
    for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
      p.put("textback.businesses[2].opening-hours." + day, "08:00-18:00");
    }
    p.put("textback.businesses[2].dispatcher-phone", "+15550700002");
    p.put("textback.console.print-invite-links", true); // local mode sends no email: the link is in its log
    p.put("textback.console.admins[0].username", ADMIN);
    p.put("textback.console.admins[0].password", "{noop}" + ADMIN_PASSWORD);
    return p;
  }

  /** Waits until the models are deployed, so the first call is not lost. */
  public LocalStack awaitReady(Duration timeout) throws InterruptedException {
    ProcessDeployer deployer = worker.getBean(ProcessDeployer.class);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!deployer.isDeployed()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the process models were not deployed within " + timeout);
      }
      Thread.sleep(50);
    }
    return this;
  }

  public int workerPort() {
    return ((WebServerApplicationContext) worker).getWebServer().getPort();
  }

  public String workerUrl() {
    return "http://localhost:" + workerPort();
  }

  /** The base URL webhooks are signed over. */
  public String publicBaseUrl() {
    return settings.publicBaseUrl();
  }

  public String twilioAuthToken() {
    return settings.twilioAuthToken();
  }

  public ProcessTestEngine engine() {
    return engine;
  }

  public TwilioFake twilio() {
    return twilio;
  }

  public HubSpotFake hubspot() {
    return hubspot;
  }

  public HighLevelFake highLevel() {
    return highLevel;
  }

  public EmbeddedDatabase database() {
    return database;
  }

  public ConfigurableApplicationContext worker() {
    return worker;
  }

  /** Closes everything once; closing again does nothing. */
  @Override
  public void close() throws Exception {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (ConfigurableApplicationContext more : moreWorkers) {
      more.close();
    }
    if (worker.isActive()) {
      worker.close();
    }
    hubspot.close();
    highLevel.close();
    twilio.close();
    engine.close();
    database.close();
    if (settings.home() != null) {
      LocalHome.release(settings.home());
    }
  }

  /** The Authorization header of local mode's admin, for scripts calling /api. */
  public static String adminAuthorization() {
    return "Basic " + java.util.Base64.getEncoder().encodeToString(
        (ADMIN + ":" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
