package io.textback.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Local mode's start refuses clearly and leaves nothing behind; play-call says when the worker is down. */
class LocalStartTest {

  @Test
  void aPortInUse_isRefusedAtOnce_namingTheVariableThatMovesIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      LocalSettings settings = new LocalSettings(LocalPorts.free(), 0, taken.getLocalPort(), 0, 0, 0, "local-dev-token",
          "45s", "http://localhost:1", null);

      long started = System.nanoTime();
      assertThatThrownBy(() -> LocalStack.start(settings))
          .hasMessageContaining("port " + taken.getLocalPort() + " is taken")
          .hasMessageContaining("TEXTBACK_TWILIO_FAKE_PORT=");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void aBrokenBusinessSetting_endsTheStartNamingTheSetting_andFreesItsPorts() throws Exception {
    LocalSettings settings = LocalSettings.ephemeral("45s");

    Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> LocalStack.start(settings, Duration.ZERO,
        Map.of("textback.businesses[0].ring-count", "three")));

    assertThat(failure).isNotNull();
    assertThat(LocalTextback.reason(failure)).contains("textback.businesses[0].ring-count").contains("three");
    try (ServerSocket again = new ServerSocket(settings.workerPort())) {
      assertThat(again.isBound()).as("the worker's port is free again").isTrue();
    }
  }

  @Test
  void playCallAgainstAWorkerThatIsNotRunning_saysSoInOneLine() throws Exception {
    int nobody = LocalPorts.free();
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = PlayCall.run(new String[] {"--worker", "http://localhost:" + nobody});
    } finally {
      System.setErr(original);
    }

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .startsWith("The worker does not answer at http://localhost:" + nobody).doesNotContain("\n").doesNotContain("Exception");
  }
}
