package io.textback.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a new user does with the README: start local mode, play calls with bin/play-call. */
class LocalModeTest {
  static LocalStack stack;

  @BeforeAll
  static void start() throws Exception {
    stack = LocalStack.start(LocalSettings.ephemeral("5s")).awaitReady(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() throws Exception {
    stack.close();
  }

  int playCall(String scenario) throws Exception {
    return PlayCall.run(new String[] {"--worker", stack.workerUrl(), "--twilio-fake", stack.twilio().baseUrl(),
        "--scenario", scenario, "--wait", "30"});
  }

  @Test
  void everyPlayCallScenarioEndsAsTheReadmeSays() throws Exception {
    int before = stack.twilio().sent().size();
    assertThat(playCall("hang-up")).isZero();
    assertThat(playCall("no-voicemail")).isZero();
    assertThat(playCall("voicemail")).isZero();
    assertThat(playCall("answered")).isZero();
    assertThat(playCall("duplicate")).isZero();
    assertThat(stack.twilio().sent()).hasSize(before + 3);
  }

  @Test
  void theDemoBusinessTextsFromItsNumber() throws Exception {
    assertThat(playCall("hang-up")).isZero();
    assertThat(stack.twilio().sent()).allSatisfy(m -> assertThat(m.from()).isEqualTo(LocalStack.DEMO_TWILIO_NUMBER));
  }
}
