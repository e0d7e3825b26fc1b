package io.textback.local;

import java.time.Duration;
import java.util.Arrays;

/**
 * Local mode: textback with no accounts and no Docker. Subcommands: (none) runs it, {@code
 * play-call} plays a call against a running local mode, {@code benchmark} measures it.
 */
public final class LocalTextback {
  private LocalTextback() {}

  public static void main(String[] args) throws Exception {
    // bin/local's own options (--workers 2) run local mode too
    String command = args.length == 0 || args[0].startsWith("--") ? "run" : args[0];
    String[] rest = args.length == 0 || args[0].startsWith("--") ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (command) {
      case "run" -> run(rest);
      case "play-call" -> System.exit(PlayCall.run(rest));
      case "benchmark" -> System.exit(Benchmark.run(rest));
      default -> {
        System.err.println("usage: textback-local [run [--workers N] | play-call --help | benchmark --help]");
        System.exit(2);
      }
    }
  }

  private static void run(String[] args) throws Exception {
    long started = System.nanoTime();
    Options options = new Options(args);
    if (options.help()) {
      System.out.println("usage: bin/local [--workers N]   (N workers on one engine and one PostgreSQL; the second on TEXTBACK_PORT + 1, ...)");
      return;
    }
    int workers = options.getInt("workers", 1);
    if (workers < 1 || workers > 8) {
      System.err.println("textback local mode did not start: --workers must be 1 to 8, not " + workers);
      System.exit(2);
    }
    LocalSettings settings;
    LocalStack stack;
    StringBuilder more = new StringBuilder();
    try {
      settings = LocalSettings.fromEnvironment(System.getenv());
      java.nio.file.Files.createDirectories(settings.home());
      LocalLogging.quiet(settings.home().resolve("textback.log"));
      stack = LocalStack.start(settings).awaitReady(Duration.ofSeconds(60));
      for (int i = 2; i <= workers; i++) {
        int port = settings.workerPort() == 0 ? 0 : settings.workerPort() + i - 1;
        LocalPorts.requireFree(java.util.Map.of("TEXTBACK_PORT", port)); // worker i listens on TEXTBACK_PORT + i - 1
        more.append(String.format("%n  worker %d      %s   (the same engine, PostgreSQL and businesses; its own spool)",
            i, stack.addWorker(port)));
      }
    } catch (Exception e) {
      // A failed start ends the JVM at once, with the reason: nothing of it is left running.
      System.err.println("textback local mode did not start: " + reason(e));
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        stack.close();
      } catch (Exception e) {
        // shutting down anyway
      }
    }));
    System.out.printf("""

        textback local mode is ready (%.1f s)
          worker        %s   (webhooks under /webhooks/twilio/voice, health at /actuator/health)%s
          console       %s/console/   (log in as admin / textback; the phone simulator is there)
          Zeebe engine  grpc://localhost:%s   (in-memory; deploy from Camunda Modeler here)
          PostgreSQL    %s   (user postgres, password postgres)
          Twilio fake   %s   (SMS sent: GET /__admin/requests, or Messages.json)
          HubSpot fake  %s   (portal 62515; what HubSpot received: GET /__admin/requests)
          HighLevel fake %s  (location %s; what HighLevel received: GET /__admin/requests)
          demo business Demo Plumbing (HubSpot): Twilio number %s rings %s; voicemail window %s;
                        escalations text the dispatcher %s, then the manager %s
          demo business Summit HVAC (GoHighLevel, the marketplace app installed): Twilio number %s
          demo business Bright Electric (no CRM: answered in the console's inbox): Twilio number %s
          Twilio auth token (signs webhooks): %s
          log           %s   (warnings also show here)

        Play a missed call:  bin/play-call --scenario hang-up
        Stop: Ctrl-C
        %n""",
        (System.nanoTime() - started) / 1e9, stack.workerUrl(), more, stack.workerUrl(),
        stack.engine().gatewayAddress().replaceAll(".*:", ""), stack.database().jdbcUrl(),
        stack.twilio().baseUrl(), stack.hubspot().baseUrl(), stack.highLevel().baseUrl(), LocalStack.DEMO_HIGHLEVEL_LOCATION,
        LocalStack.DEMO_TWILIO_NUMBER, LocalStack.DEMO_FORWARD_TO, settings.voicemailWindow(), LocalStack.DEMO_DISPATCHER,
        LocalStack.DEMO_MANAGER, LocalStack.DEMO_HIGHLEVEL_NUMBER, LocalStack.DEMO_CONSOLE_NUMBER,
        "local-dev-token".equals(settings.twilioAuthToken()) ? "local-dev-token" : "(from TWILIO_AUTH_TOKEN)",
        settings.home().resolve("textback.log"));
    Thread.currentThread().join();
  }

  /**
   * What went wrong, in one line: the deepest message that names a setting (Spring's "Failed to bind
   * properties under 'textback.businesses[0].ring-count'") and the innermost one, which says why.
   */
  static String reason(Throwable e) {
    String first = null;
    String last = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m == null || m.isBlank()) {
        continue;
      }
      if (first == null || m.contains("textback.")) {
        first = m; // the deepest that names a setting: Spring's outer messages name beans
      }
      last = m;
    }
    if (first == null) {
      return e.getClass().getSimpleName();
    }
    return first.equals(last) || first.contains(last) ? first : first + ": " + last;
  }
}
