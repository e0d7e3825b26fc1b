package io.textback.worker.production;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * In the production profile, refuses to start with an empty or a known default secret (local
 * mode's and the tests'), naming each setting and the environment variable that sets it. Runs
 * before anything connects anywhere.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor {
  public static final String PROFILE = "production";
  /** Values that are public in this repository: local mode's, the tests' and the examples'. */
  static final Set<String> KNOWN_DEFAULTS = Set.of("local-dev-token", "test-auth-token", "local-crm-app-secret",
      "test-client-secret", "local-form-secret", "test-form-secret", "textback", "{noop}textback", "postgres",
      "change-me", "test-admin-password", "{noop}test-admin-password");
  static final int MAX_BUSINESSES = 100;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (!env.acceptsProfiles(Profiles.of(PROFILE))) {
      return;
    }
    List<String> problems = problems(env);
    if (!problems.isEmpty()) {
      throw new InvalidProductionSettingsException(problems);
    }
  }

  static List<String> problems(ConfigurableEnvironment env) {
    List<String> problems = new ArrayList<>();
    secret(env, "textback.twilio.auth-token", "TWILIO_AUTH_TOKEN", problems);
    required(env, "textback.twilio.account-sid", "TWILIO_ACCOUNT_SID", problems);
    secret(env, "spring.datasource.password", "TEXTBACK_DATABASE_PASSWORD", problems);
    String publicUrl = env.getProperty("textback.public-base-url", "");
    if (!publicUrl.startsWith("https://") || publicUrl.contains("localhost") || publicUrl.contains("example.com")) {
      problems.add("textback.public-base-url must be the worker's public https URL as Twilio and the CRMs call it"
          + " (set TEXTBACK_PUBLIC_BASE_URL), not '" + publicUrl + "'");
    }
    for (int n = 0; n < MAX_BUSINESSES && env.containsProperty("textback.businesses[" + n + "].id"); n++) {
      String prefix = "textback.businesses[" + n + "].";
      String formSecret = env.getProperty(prefix + "form-secret", "").trim();
      if (KNOWN_DEFAULTS.contains(formSecret)) {
        problems.add(prefix + "form-secret is a default value published with textback; use your own secret");
      }
    }
    org.springframework.core.io.support.SpringFactoriesLoader.loadFactories(CrmProductionSettings.class,
        ProductionSettingsCheck.class.getClassLoader()).forEach(crm -> crm.check(env, problems));
    if (!env.containsProperty("textback.console.admins[0].username")) {
      problems.add("textback.console.admins is empty: nobody could log in (set TEXTBACK_ADMIN_USER and TEXTBACK_ADMIN_PASSWORD)");
    }
    for (int n = 0; n < MAX_BUSINESSES && env.containsProperty("textback.console.admins[" + n + "].username"); n++) {
      String user = env.getProperty("textback.console.admins[" + n + "].username", "");
      secret(env, "textback.console.admins[" + n + "].password",
          n == 0 ? "TEXTBACK_ADMIN_PASSWORD" : "prometheus".equals(user) ? "TEXTBACK_PROMETHEUS_PASSWORD" : null, problems);
    }
    return problems;
  }

  private static void required(ConfigurableEnvironment env, String key, String variable, List<String> problems) {
    if (env.getProperty(key, "").isBlank()) {
      problems.add(key + " is empty" + hint(variable));
    }
  }

  /**
   * Whether any business's setting {@code setting} (under textback.businesses[n]) is set: a CRM's
   * own production check asks whether any business uses it.
   */
  public static boolean anyBusinessSets(ConfigurableEnvironment env, String setting) {
    for (int n = 0; n < MAX_BUSINESSES && env.containsProperty("textback.businesses[" + n + "].id"); n++) {
      if (!env.getProperty("textback.businesses[" + n + "]." + setting, "").isBlank()) {
        return true;
      }
    }
    return false;
  }

  /** A secret must be set, and not to a value published with textback. */
  public static void secret(ConfigurableEnvironment env, String key, String variable, List<String> problems) {
    String value = env.getProperty(key, "").trim();
    String bare = value.replaceFirst("^\\{\\w+}", "");
    if (bare.isEmpty()) {
      problems.add(key + " is empty" + hint(variable));
    } else if (KNOWN_DEFAULTS.contains(value) || KNOWN_DEFAULTS.contains(bare)) {
      problems.add(key + " is a default value published with textback; use your own secret" + hint(variable));
    }
  }

  private static String hint(String variable) {
    return variable == null ? "" : " (set " + variable + ")";
  }
}
