package io.textback.worker.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.textback.worker.TextbackApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** The worker refuses to start in production with an empty or a published secret, and says which. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionSettingsCheckTest {

  static MockEnvironment good() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("production");
    env.setProperty("textback.public-base-url", "https://textback.plumbing-co.com");
    env.setProperty("textback.twilio.account-sid", "AC0123456789abcdef0123456789abcdef");
    env.setProperty("textback.twilio.auth-token", "5f1b0c2e8d7a4e6f9b3c2a1d0e9f8a7b");
    env.setProperty("spring.datasource.password", "pg-7Hq2-secret-Xk9");
    env.setProperty("textback.console.admins[0].username", "owner");
    env.setProperty("textback.console.admins[0].password", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv");
    env.setProperty("textback.businesses[0].id", "demo");
    env.setProperty("textback.businesses[0].hubspot.access-token", "pat-na1-real");
    env.setProperty("textback.hubspot.client-secret", "9a8b7c6d-real-client-secret");
    return env;
  }

  @Test
  void realSecrets_pass() {
    assertThat(ProductionSettingsCheck.problems(good())).isEmpty();
  }

  @Test
  void eachEmptyOrPublishedSecret_isNamed_withItsVariable() {
    MockEnvironment env = good();
    env.setProperty("textback.twilio.auth-token", "local-dev-token");
    env.setProperty("spring.datasource.password", "");
    env.setProperty("textback.hubspot.client-secret", "test-client-secret");
    env.setProperty("textback.console.admins[0].password", "{noop}textback");
    env.setProperty("textback.console.admins[1].username", "prometheus");
    env.setProperty("textback.console.admins[1].password", "{noop}");
    env.setProperty("textback.businesses[0].form-secret", "local-form-secret");
    env.setProperty("textback.public-base-url", "http://localhost:8080");

    assertThat(ProductionSettingsCheck.problems(env)).containsExactlyInAnyOrder(
        "textback.twilio.auth-token is a default value published with textback; use your own secret (set TWILIO_AUTH_TOKEN)",
        "spring.datasource.password is empty (set TEXTBACK_DATABASE_PASSWORD)",
        "textback.public-base-url must be the worker's public https URL as Twilio and the CRMs call it (set TEXTBACK_PUBLIC_BASE_URL), not 'http://localhost:8080'",
        "textback.businesses[0].form-secret is a default value published with textback; use your own secret",
        "textback.hubspot.client-secret is a default value published with textback; use your own secret (set HUBSPOT_CLIENT_SECRET)",
        "textback.console.admins[0].password is a default value published with textback; use your own secret (set TEXTBACK_ADMIN_PASSWORD)",
        "textback.console.admins[1].password is empty (set TEXTBACK_PROMETHEUS_PASSWORD)");
  }

  @Test
  void theHubSpotSecretIsOnlyRequiredWhenABusinessUsesHubSpot() {
    MockEnvironment env = good();
    env.setProperty("textback.businesses[0].hubspot.access-token", "");
    env.setProperty("textback.hubspot.client-secret", "");
    assertThat(ProductionSettingsCheck.problems(env)).isEmpty();
  }

  @Test
  void startingTheWorkerInProductionWithTheDefaults_failsBeforeConnectingAnywhere(CapturedOutput output) {
    assertThatThrownBy(() -> new SpringApplicationBuilder(TextbackApplication.class)
            .profiles("production")
            .properties("TWILIO_AUTH_TOKEN=local-dev-token", "spring.main.banner-mode=off")
            .run())
        .isInstanceOf(InvalidProductionSettingsException.class)
        .hasMessageContaining("textback.twilio.auth-token is a default value published with textback")
        .hasMessageContaining("textback.twilio.account-sid is empty (set TWILIO_ACCOUNT_SID)");
    assertThat(output).contains("APPLICATION FAILED TO START")
        .contains("textback will not start in production with these settings:")
        .contains("  - spring.datasource.password is empty (set TEXTBACK_DATABASE_PASSWORD)");
  }
}
