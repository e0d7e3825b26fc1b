package io.textback.local;

import io.textback.testkit.FakeMessage;
import io.textback.testkit.TwilioPhone;
import io.textback.testkit.TwilioPhone.Call;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Reaction time of the missed-call journey in local mode: from the hang-up webhook to the SMS
 * request at the Twilio fake, over N journeys at a steady rate. Prints one JSON line.
 */
final class Benchmark {
  private static final String USAGE = """
      usage: bin/benchmark [--journeys 200] [--rate 10] [--warmup 20] [--greeting-ms 3000]
                           [--latency-ms 50] [--hubspot-limit 100] [--crm-timeout-s 600]
                           [--forms 0] [--forms-rate 20] [--ceiling 300]
                           [--highlevel-journeys N] [--highlevel-limit 100] [--workers 1]
        Starts its own local mode on free ports (an already running one is not touched), plays
        --journeys missed calls at --rate per second where the caller listens to the greeting for
        --greeting-ms and hangs up, and measures hang-up webhook -> SMS request at the Twilio fake.
        Then waits for the CRM steps (a deal per journey at the HubSpot fake) and reports HubSpot calls
        per journey, 429s and incidents. Both fakes answer after --latency-ms, as the real APIs would;
        --hubspot-limit N makes the HubSpot fake answer 429 beyond N requests per 10 s, like a portal
        (100 on Free/Starter; 0 turns the limit off).
        Then --highlevel-journeys (default: --journeys) calls at the same rate to the GoHighLevel demo
        business, measured the same way (highlevel_* figures), its CRM steps done when each has its
        opportunity at the HighLevel fake, which answers 429 beyond --highlevel-limit per 10 s.
        --forms N posts N signed web forms at --forms-rate per second after the calls (--journeys 0:
        forms only) and measures form POST -> SMS request at the Twilio fake.
        --workers N runs N workers on the one engine and PostgreSQL, the calls and forms spread across
        them in turn (each call's webhooks to one worker), the CRM budgets shared among them.
        Last, --ceiling N missed calls go through the same models on a fresh embedded engine whose
        jobs are done at once by no-op workers: the engine's own ceiling (journeys texted per
        second), printed with the ratio of the full stack's sustained rate to it (0: skip).
      """;

  private Benchmark() {}

  static int run(String[] args) throws Exception {
    Options o = new Options(args);
    if (o.help()) {
      System.out.print(USAGE);
      return 0;
    }
    int journeys = o.getInt("journeys", 200);
    int rate = o.getInt("rate", 10);
    int warmup = o.getInt("warmup", 20);
    Duration latency = Duration.ofMillis(o.getInt("latency-ms", 50));
    Duration greeting = Duration.ofMillis(o.getInt("greeting-ms", 3000));
    int hubspotLimit = o.getInt("hubspot-limit", 100);
    Duration crmTimeout = Duration.ofSeconds(o.getInt("crm-timeout-s", 600));
    int forms = o.getInt("forms", 0);
    int formsRate = o.getInt("forms-rate", 20);
    int ceilingJourneys = o.getInt("ceiling", 300);
    int highLevelJourneys = o.getInt("highlevel-journeys", journeys);
    int highLevelLimit = o.getInt("highlevel-limit", 100);
    int workers = o.getInt("workers", 1);
    Map<String, Object> properties = new java.util.HashMap<>(LocalStack.UNCAPPED);
    properties.put("logging.level.io.textback", "WARN");
    properties.put("logging.level.io.camunda", "WARN");
    try (LocalStack stack = LocalStack.start(LocalSettings.ephemeral("45s"), latency, properties)) {
      stack.awaitReady(Duration.ofSeconds(60));
      for (int i = 1; i < workers; i++) {
        stack.addWorker(0);
      }
      List<TwilioPhone> phone = stack.workerUrls().stream()
          .map(url -> new TwilioPhone(URI.create(url), stack.publicBaseUrl(), stack.twilioAuthToken())).toList();
      play(stack, phone, warmup, rate, greeting, 1_000_000);
      awaitDeals(stack, warmup, crmTimeout);
      stack.hubspot().wireMock().resetRequests();
      int dealsBefore = stack.hubspot().records("0-3").size();
      stack.hubspot().limitTo(hubspotLimit);
      long burstStart = System.nanoTime();
      Result r = journeys == 0 ? Result.NONE : play(stack, phone, journeys, rate, greeting, 2_000_000);
      boolean crmDone = awaitDeals(stack, dealsBefore + journeys, crmTimeout);
      double crmSeconds = (System.nanoTime() - burstStart) / 1e9;
      long hubspotCalls = stack.hubspot().requestCount(); // the calls' CRM work only, before any form
      Result f = forms == 0 ? Result.NONE : playForms(stack, forms, formsRate, 3_000_000);
      long hubspot429s = stack.hubspot().rateLimitedCount();
      // The same calls at the same rate to the HighLevel business, in the same run: its CRM steps
      // are HighLevel's, and the text-back must not wait for either CRM.
      stack.highLevel().wireMock().resetRequests();
      stack.highLevel().limitTo(highLevelLimit);
      int opportunitiesBefore = stack.highLevel().records("opportunity").size();
      Result h = highLevelJourneys == 0 ? Result.NONE
          : play(stack, phone, highLevelJourneys, rate, greeting, 4_000_000, LocalStack.DEMO_HIGHLEVEL_NUMBER);
      boolean highLevelDone = awaitRecords(() -> stack.highLevel().records("opportunity").size(),
          opportunitiesBefore + highLevelJourneys, crmTimeout);
      long highLevelCalls = stack.highLevel().requestCount();
      long highLevel429s = stack.highLevel().rateLimitedCount();
      long incidents = stack.engine().incidentCount();
      long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
      stack.close(); // the ceiling runs alone on the machine, as the stack did
      EngineCeiling.Result ceiling = ceilingJourneys == 0 ? null : EngineCeiling.measure(ceilingJourneys, Duration.ofMinutes(5));
      double ceilingPerSecond = ceiling == null ? Double.NaN : ceiling.perSecond();
      System.out.printf(
          "{\"workers\":%d,\"journeys\":%d,\"rate_per_s\":%d,\"greeting_ms\":%d,\"fake_latency_ms\":%d,\"hangup_to_sms_ms\":{\"p50\":%s,\"p90\":%s,\"p99\":%s,\"max\":%s},\"sms_per_journey\":%s,\"lost\":%d,\"forms\":%d,\"forms_rate_per_s\":%d,\"form_post_to_sms_ms\":{\"p50\":%s,\"p90\":%s,\"p99\":%s,\"max\":%s},\"sms_per_form\":%s,\"forms_lost\":%d,\"hubspot_limit_per_10s\":%d,\"crm_done\":%s,\"crm_done_after_s\":%s,\"hubspot_calls_per_journey\":%s,\"hubspot_429s\":%d,\"highlevel_journeys\":%d,\"highlevel_hangup_to_sms_ms\":{\"p50\":%s,\"p90\":%s,\"p99\":%s,\"max\":%s},\"highlevel_sms_per_journey\":%s,\"highlevel_lost\":%d,\"highlevel_crm_done\":%s,\"highlevel_calls_per_journey\":%s,\"highlevel_429s\":%d,\"incidents\":%d,\"jvm_heap_used_mb\":%d,\"cores\":%d,\"journeys_per_s_sustained\":%s,\"engine_ceiling_journeys_per_s\":%s,\"ratio_to_ceiling\":%s}%n",
          workers, journeys, rate, greeting.toMillis(), latency.toMillis(), num(r.percentile(50)), num(r.percentile(90)),
          num(r.percentile(99)), num(r.max()), num(r.smsPerJourney()), r.lost(), forms, formsRate, num(f.percentile(50)),
          num(f.percentile(90)), num(f.percentile(99)), num(f.max()), num(f.smsPerJourney()), f.lost(), hubspotLimit,
          crmDone, num(crmSeconds), num(journeys == 0 ? Double.NaN : (double) hubspotCalls / journeys),
          hubspot429s, highLevelJourneys, num(h.percentile(50)), num(h.percentile(90)), num(h.percentile(99)), num(h.max()),
          num(h.smsPerJourney()), h.lost(), highLevelDone,
          num(highLevelJourneys == 0 ? Double.NaN : (double) highLevelCalls / highLevelJourneys), highLevel429s,
          incidents, heapMb, Runtime.getRuntime().availableProcessors(), num(r.sustainedPerSecond()),
          num(ceilingPerSecond), num(r.sustainedPerSecond() / ceilingPerSecond));
      boolean callsOk = journeys == 0 || (r.lost() == 0 && r.smsPerJourney() == 1.0 && crmDone);
      boolean formsOk = forms == 0 || (f.lost() == 0 && f.smsPerJourney() == 1.0);
      boolean highLevelOk = highLevelJourneys == 0 || (h.lost() == 0 && h.smsPerJourney() == 1.0 && highLevelDone);
      return callsOk && formsOk && highLevelOk && incidents == 0 ? 0 : 1;
    }
  }

  /** A figure for the JSON line: null when there is none. */
  private static String num(double value) {
    return Double.isNaN(value) ? "null" : String.format(java.util.Locale.ROOT, "%.3f", value);
  }

  /** Posts signed JSON forms at a steady rate; each from its own phone. */
  private static Result playForms(LocalStack stack, int forms, int rate, int phoneBase) throws Exception {
    Map<String, Instant> posted = new ConcurrentHashMap<>();
    HttpClient http = HttpClient.newHttpClient();
    List<String> workers = stack.workerUrls();
    atRate(forms, rate, i -> {
      String lead = "+1555%07d".formatted(phoneBase + i);
      HttpRequest request = DemoForm.post(workers.get(i % workers.size()), "bench-" + i, lead);
      posted.put(lead, Instant.now());
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 202) {
        System.err.println("form " + lead + ": " + response.statusCode() + " " + response.body());
      }
    });
    return collect(stack, posted, forms);
  }

  private static Result play(LocalStack stack, List<TwilioPhone> phones, int journeys, int rate, Duration greeting,
      int callerBase)
      throws Exception {
    return play(stack, phones, journeys, rate, greeting, callerBase, LocalStack.DEMO_TWILIO_NUMBER);
  }

  /** Each call's webhooks go to one worker, the next call's to the next. */
  private static Result play(LocalStack stack, List<TwilioPhone> phones, int journeys, int rate, Duration greeting,
      int callerBase, String business)
      throws Exception {
    Map<String, Instant> hangUps = new ConcurrentHashMap<>();
    atRate(journeys, rate, i -> {
      String caller = "+1555%07d".formatted(callerBase + i);
      Call call = phones.get(i % phones.size()).call(caller, business);
      call.missed();
      Thread.sleep(greeting);
      hangUps.put(caller, Instant.now());
      call.hangsUpAtGreeting();
    });
    return collect(stack, hangUps, journeys);
  }

  /** One step of a load: the i-th call or form. */
  @FunctionalInterface
  private interface Step {
    void run(int i) throws Exception;
  }

  /** Starts step i at start + i / rate seconds, each on its own virtual thread, and waits for all. */
  private static void atRate(int count, int rate, Step step) throws InterruptedException {
    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      int n = i;
      long due = start + i * intervalNanos;
      pool.submit(() -> {
        sleepUntil(due);
        step.run(n);
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.MINUTES);
  }

  /** Waits for the texts, then measures from each start (hang-up, form POST) to its first SMS request. */
  private static Result collect(LocalStack stack, Map<String, Instant> starts, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && countTexted(stack, starts) < count) {
      Thread.sleep(100);
    }
    Thread.sleep(1000); // any duplicate would show by now
    Map<String, List<FakeMessage>> sentTo = stack.twilio().sent().stream().collect(Collectors.groupingBy(FakeMessage::to));
    List<Double> millis = new ArrayList<>();
    int sms = 0;
    int lost = 0;
    Instant first = starts.values().stream().min(Instant::compareTo).orElse(Instant.now());
    Instant last = first;
    for (var entry : starts.entrySet()) {
      List<FakeMessage> sent = sentTo.getOrDefault(entry.getKey(), List.of());
      sms += sent.size();
      if (sent.isEmpty()) {
        lost++;
      } else {
        millis.add(Duration.between(entry.getValue(), sent.get(0).createdAt()).toNanos() / 1e6);
        last = sent.get(0).createdAt().isAfter(last) ? sent.get(0).createdAt() : last;
      }
    }
    Collections.sort(millis);
    double seconds = Duration.between(first, last).toNanos() / 1e9;
    return new Result(millis, (double) sms / count, lost, seconds <= 0 ? Double.NaN : millis.size() / seconds);
  }

  /** Waits until the HubSpot fake holds this many deals: every journey's CRM steps are done. */
  private static boolean awaitDeals(LocalStack stack, int deals, Duration timeout) throws InterruptedException {
    return awaitRecords(() -> stack.hubspot().records("0-3").size(), deals, timeout);
  }

  /** Waits until a fake holds this many records (deals, opportunities): the CRM steps are done. */
  private static boolean awaitRecords(java.util.function.IntSupplier held, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (held.getAsInt() < count) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(250);
    }
    return true;
  }

  /** One pass over the fake's messages per look: the load generator must not eat the worker's CPU. */
  private static long countTexted(LocalStack stack, Map<String, Instant> starts) {
    Set<String> texted = stack.twilio().sent().stream().map(FakeMessage::to).collect(Collectors.toSet());
    return starts.keySet().stream().filter(texted::contains).count();
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  /** @param sustainedPerSecond journeys texted per second, first hang-up (or POST) to the last first text */
  private record Result(List<Double> sortedMillis, double smsPerJourney, int lost, double sustainedPerSecond) {
    static final Result NONE = new Result(List.of(), Double.NaN, 0, Double.NaN);

    double percentile(int p) {
      if (sortedMillis.isEmpty()) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * sortedMillis.size()) - 1;
      return sortedMillis.get(Math.max(0, Math.min(index, sortedMillis.size() - 1)));
    }

    double max() {
      return sortedMillis.isEmpty() ? Double.NaN : sortedMillis.get(sortedMillis.size() - 1);
    }
  }
}
