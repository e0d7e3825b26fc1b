package io.textback.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Local mode's ports and demo settings, each overridable by an environment variable. Port 0 means
 * "any free port" (the benchmark and tests use it).
 *
 * @param home the folder local mode keeps its database, engine state and log in, cleared at each
 *     start; null for a throw-away stack (tests, benchmark) that uses temporary folders
 */
public record LocalSettings(
    int workerPort, int enginePort, int twilioPort, int hubspotPort, int highLevelPort, int postgresPort,
    String twilioAuthToken, String voicemailWindow, String publicBaseUrl, Path home) {

  public static LocalSettings fromEnvironment(Map<String, String> env) {
    int workerPort = intOf(env, "TEXTBACK_PORT", 8080);
    String home = env.get("TEXTBACK_LOCAL_HOME");
    return new LocalSettings(
        workerPort,
        intOf(env, "TEXTBACK_ENGINE_PORT", 26500),
        intOf(env, "TEXTBACK_TWILIO_FAKE_PORT", 8091),
        intOf(env, "TEXTBACK_HUBSPOT_FAKE_PORT", 8092),
        intOf(env, "TEXTBACK_GOHIGHLEVEL_FAKE_PORT", 8093),
        intOf(env, "TEXTBACK_POSTGRES_PORT", 54329),
        env.getOrDefault("TWILIO_AUTH_TOKEN", "local-dev-token"),
        env.getOrDefault("TEXTBACK_VOICEMAIL_WINDOW", "45s"),
        env.getOrDefault("TEXTBACK_PUBLIC_BASE_URL", "http://localhost:" + workerPort),
        home == null || home.isBlank()
            ? Path.of(System.getProperty("java.io.tmpdir"), "textback-local-" + workerPort) : Path.of(home));
  }

  /** Every port picked free; for benchmarks and tests that must not clash with a running local mode. */
  public static LocalSettings ephemeral(String voicemailWindow) {
    int workerPort = LocalPorts.free(); // known before start: webhooks are signed over this URL
    return new LocalSettings(workerPort, 0, 0, 0, 0, 0, "local-dev-token", voicemailWindow,
        "http://localhost:" + workerPort, null);
  }

  /** The fixed ports, each with the variable that sets it (0, any free port, is left out). */
  public Map<String, Integer> fixedPorts() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("TEXTBACK_PORT", workerPort);
    ports.put("TEXTBACK_ENGINE_PORT", enginePort);
    ports.put("TEXTBACK_TWILIO_FAKE_PORT", twilioPort);
    ports.put("TEXTBACK_HUBSPOT_FAKE_PORT", hubspotPort);
    ports.put("TEXTBACK_GOHIGHLEVEL_FAKE_PORT", highLevelPort);
    ports.put("TEXTBACK_POSTGRES_PORT", postgresPort);
    ports.values().removeIf(p -> p == 0);
    return ports;
  }

  private static int intOf(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    try {
      int port = value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port number (0-65535), not '" + value + "'");
    }
  }
}
