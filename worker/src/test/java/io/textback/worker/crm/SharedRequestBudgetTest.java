package io.textback.worker.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.textback.connector.gohighlevel.api.HighLevelClient;
import io.textback.connector.gohighlevel.api.HighLevelClientFactory;
import io.textback.connector.gohighlevel.api.HighLevelSettings;
import io.textback.worker.support.TestInfrastructure;
import io.textback.worker.support.WorkerIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A CRM account's limit holds for every worker together: the budget is counted in PostgreSQL. */
class SharedRequestBudgetTest extends WorkerIntegrationTest {
  @Autowired JdbcRequestBudget budget;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  @Test
  void aWindowTakesItsLimit_andNoMore_whateverAsksAtOnce() throws Exception {
    String key = "test:" + System.nanoTime();
    var pool = Executors.newFixedThreadPool(8);
    List<Callable<Boolean>> asks = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      asks.add(() -> budget.tryTake(key, 25, Duration.ofHours(1)));
    }
    long taken = 0;
    for (Future<Boolean> f : pool.invokeAll(asks)) {
      taken += f.get() ? 1 : 0;
    }
    pool.shutdown();

    assertThat(taken).isEqualTo(25);
    assertThat(budget.tryTake(key + ":other", 1, Duration.ofHours(1))).as("another key has its own").isTrue();
  }

  @Test
  void twoWorkersOnOneLocation_stayUnderItsLimitTogether_noCallDraws429() throws Exception {
    TestInfrastructure.highLevel().limitTo(22);
    long before = TestInfrastructure.highLevel().rateLimitedCount();
    try {
      // two workers' clients for the same location: each its own JVM's client, one budget in PostgreSQL
      HighLevelSettings settings = new HighLevelSettings(TestInfrastructure.highLevel().baseUrl(), 22, 200_000, 1,
          Duration.ofMillis(20), Duration.ofSeconds(2), Duration.ofSeconds(2));
      List<HighLevelClient> workers = List.of(
          HighLevelClientFactory.forLocation("loc-ridge", () -> TestInfrastructure.HIGHLEVEL_PIT, settings, budget),
          HighLevelClientFactory.forLocation("loc-ridge", () -> TestInfrastructure.HIGHLEVEL_PIT, settings, budget));
      var pool = Executors.newFixedThreadPool(4);
      List<Callable<Object>> calls = new ArrayList<>();
      for (int i = 0; i < 26; i++) {
        HighLevelClient worker = workers.get(i % 2);
        String phone = "+1555127%04d".formatted(i);
        calls.add(() -> worker.findContactByPhone(phone));
      }
      for (Future<Object> f : pool.invokeAll(calls)) {
        f.get();
      }
      pool.shutdown();

      assertThat(TestInfrastructure.highLevel().rateLimitedCount() - before).isZero();
    } finally {
      TestInfrastructure.highLevel().limitTo(0);
    }
  }

  @Test
  void twoWorkersTextingFromOneNumber_keepItsPerSecondPaceTogether() throws Exception {
    String from = "+1555019" + String.format("%04d", (int) (System.nanoTime() % 10_000));
    var settings = new io.textback.connector.twilio.api.TwilioSettings(TestInfrastructure.twilio().baseUrl(),
        io.textback.testkit.TwilioFake.ACCOUNT_SID, TestInfrastructure.AUTH_TOKEN, null, null, null, null);
    // each worker its own gateway and pacing, one budget in PostgreSQL
    List<io.textback.connector.twilio.sms.TwilioSmsGateway> workers = List.of(
        new io.textback.connector.twilio.sms.TwilioSmsGateway(
            io.textback.connector.twilio.api.TwilioClientFactory.messagesApi(settings), io.textback.testkit.TwilioFake.ACCOUNT_SID,
            null, io.textback.connector.twilio.sms.TwilioSmsGateway.RateLimitBackoff.DEFAULT,
            new io.textback.worker.sms.SharedSendPacing(budget, 4)),
        new io.textback.connector.twilio.sms.TwilioSmsGateway(
            io.textback.connector.twilio.api.TwilioClientFactory.messagesApi(settings), io.textback.testkit.TwilioFake.ACCOUNT_SID,
            null, io.textback.connector.twilio.sms.TwilioSmsGateway.RateLimitBackoff.DEFAULT,
            new io.textback.worker.sms.SharedSendPacing(budget, 4)));
    var pool = Executors.newFixedThreadPool(8);
    List<Callable<Object>> sends = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      var worker = workers.get(i % 2);
      String to = "+1555128%04d".formatted(i);
      sends.add(() -> worker.send(new io.textback.connector.twilio.sms.model.SmsSendRequest("demo-plumbing", from, to,
          "Sorry we missed your call", "pace-" + from + "-" + to)));
    }
    for (Future<Object> f : pool.invokeAll(sends)) {
      f.get();
    }
    pool.shutdown();

    record Window(int used) {}
    List<Window> windows = jdbc.sql("select used from crm_request_budget where bucket = :b")
        .param("b", io.textback.worker.sms.SharedSendPacing.key(from)).query((rs, i) -> new Window(rs.getInt(1))).list();
    assertThat(windows.stream().mapToInt(Window::used).sum()).as("every text took a turn").isEqualTo(16);
    assertThat(windows).as("no second handed more than 4 of the number's texts to Twilio, both workers together")
        .allMatch(w -> w.used() <= 4).hasSizeGreaterThanOrEqualTo(4);
  }
}
