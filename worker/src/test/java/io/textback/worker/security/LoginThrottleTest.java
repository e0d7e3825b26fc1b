package io.textback.worker.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.textback.worker.support.WorkerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Fifty wrong passwords in ten seconds no longer get fifty tries: the name is locked for a while. */
class LoginThrottleTest extends WorkerIntegrationTest {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  HttpResponse<String> basic(String user, String password) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/businesses"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
            .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> form(String user, String password) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void fiveWrongPasswords_lockTheName_evenForTheRightOne_withAClearMessage_andOthersCarryOn() throws Exception {
    assertThat(basic("guarded", "guarded-password").statusCode()).isEqualTo(200);
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      assertThat(basic("guarded", "guess-" + i).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> right = basic("guarded", "guarded-password");
    HttpResponse<String> viaForm = form("guarded", "guarded-password");
    assertThat(right.statusCode()).isEqualTo(429);
    assertThat(right.body()).contains("Too many wrong passwords for guarded");
    assertThat(Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 300L);
    assertThat(viaForm.statusCode()).isEqualTo(429);
    assertThat(basic("GUARDED", "guess").statusCode()).as("names compare in lower case").isEqualTo(429);
    assertThat(basic(ADMIN, ADMIN_PASSWORD).statusCode()).as("another admin is not locked out").isEqualTo(200);
  }

  @Test
  void theLockEndsFiveMinutesAfterTheLastWrongPassword_andARightLoginBeforeThatClearsTheCount() {
    Instant start = Instant.parse("2026-12-01T10:00:00Z");
    MovableClock clock = new MovableClock(start);
    LoginThrottle throttle = new LoginThrottle(clock);
    var attempt = new UsernamePasswordAuthenticationToken("dana", "x");
    for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
      throttle.failed(new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("no")));
    }
    assertThat(throttle.lockedFor("Dana", "")).isEmpty();
    throttle.failed(new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("no")));
    assertThat(throttle.lockedFor("Dana", "")).contains(Duration.ofMinutes(5));

    clock.now = start.plus(Duration.ofMinutes(4));
    assertThat(throttle.lockedFor("Dana", "")).contains(Duration.ofMinutes(1));
    clock.now = start.plus(Duration.ofMinutes(5)).plusSeconds(1);
    assertThat(throttle.lockedFor("Dana", "")).isEmpty();

    for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
      throttle.failed(new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("no")));
    }
    throttle.succeeded(new org.springframework.security.authentication.event.AuthenticationSuccessEvent(attempt));
    throttle.failed(new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("no")));
    assertThat(throttle.lockedFor("Dana", "")).as("the count started again after the right login").isEmpty();
  }

  static final class MovableClock extends Clock {
    Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
