package io.textback.local;

import java.util.Map;

/**
 * Local mode's ports and demo settings, each overridable by an environment variable. Port 0 means
 * "any free port" (the benchmark and tests use it).
 */
public record LocalSettings(
    int workerPort, int enginePort, int twilioPort, int hubspotPort, int postgresPort,
    String twilioAuthToken, String voicemailWindow, String publicBaseUrl) {

  public static LocalSettings fromEnvironment(Map<String, String> env) {
    int workerPort = intOf(env, "TEXTBACK_PORT", 8080);
    return new LocalSettings(
        workerPort,
        intOf(env, "TEXTBACK_ENGINE_PORT", 26500),
        intOf(env, "TEXTBACK_TWILIO_FAKE_PORT", 8091),
        intOf(env, "TEXTBACK_HUBSPOT_FAKE_PORT", 8092),
        intOf(env, "TEXTBACK_POSTGRES_PORT", 54329),
        env.getOrDefault("TWILIO_AUTH_TOKEN", "local-dev-token"),
        env.getOrDefault("TEXTBACK_VOICEMAIL_WINDOW", "45s"),
        env.getOrDefault("TEXTBACK_PUBLIC_BASE_URL", "http://localhost:" + workerPort));
  }

  /** Every port picked free; for benchmarks and tests that must not clash with a running local mode. */
  public static LocalSettings ephemeral(String voicemailWindow) {
    int workerPort = freePort(); // known before start: webhooks are signed over this URL
    return new LocalSettings(workerPort, 0, 0, 0, 0, "local-dev-token", voicemailWindow,
        "http://localhost:" + workerPort);
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int intOf(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    try {
      return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
    }
  }
}
