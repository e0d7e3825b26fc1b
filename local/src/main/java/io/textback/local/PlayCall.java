package io.textback.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.testkit.TwilioFake;
import io.textback.testkit.TwilioPhone;
import io.textback.testkit.TwilioPhone.Call;
import io.textback.testkit.WebhookResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Plays one call against a running local mode, as Twilio would send it, and shows what was texted. */
final class PlayCall {
  private static final String USAGE = """
      usage: bin/play-call [--scenario S] [--from +1555...] [--to +15550100000] [--body TEXT]
                           [--worker URL] [--public-url URL] [--twilio-fake URL] [--token T]
                           [--wait SECONDS]
        --scenario   hang-up       missed, caller hangs up at the greeting: texted at once (default)
                     no-voicemail  missed, caller stays silent: texted when the voicemail window passes
                     voicemail     missed, caller leaves a 20 s voicemail: no text
                     answered      the business picks up: no text
                     duplicate     hang-up, with every webhook delivered twice: still one text
                     text          the caller texts --body to the business (a reply, STOP, START, HELP)
        --body       the text for --scenario text (default "Hi, I need a plumber")
        --from       the caller (default: a random 555 number)
        --to         the business called: +15550100000 Demo Plumbing (HubSpot, the default),
                     +15550500000 Summit HVAC (GoHighLevel)
        --worker     where the worker listens (default http://localhost:$TEXTBACK_PORT, 8080)
        --public-url the URL webhooks are signed over (default $TEXTBACK_PUBLIC_BASE_URL, or --worker)
        --twilio-fake where the Twilio fake listens (default http://localhost:$TEXTBACK_TWILIO_FAKE_PORT, 8091)
        --token      Twilio auth token (default $TWILIO_AUTH_TOKEN or local-dev-token)
      The same variables as bin/local, so a local mode on other ports needs no flags.
        --wait       how long to wait for the text, in seconds (default 90)
      """;

  private PlayCall() {}

  static int run(String[] args) throws Exception {
    Options o = new Options(args);
    if (o.help()) {
      System.out.print(USAGE);
      return 0;
    }
    var env = System.getenv();
    String worker = o.get("worker", "http://localhost:" + env.getOrDefault("TEXTBACK_PORT", "8080"));
    String token = o.get("token", env.getOrDefault("TWILIO_AUTH_TOKEN", "local-dev-token"));
    String fake = o.get("twilio-fake", "http://localhost:" + env.getOrDefault("TEXTBACK_TWILIO_FAKE_PORT", "8091"));
    String publicUrl = o.get("public-url", o.has("worker") ? worker : env.getOrDefault("TEXTBACK_PUBLIC_BASE_URL", worker));
    TwilioPhone phone = new TwilioPhone(URI.create(worker), publicUrl, token);
    if (!answers(worker + "/actuator/health")) {
      System.err.println(workerDown(worker));
      return 1;
    }
    try {
      return play(o, phone, worker, fake, token);
    } catch (java.net.ConnectException e) {
      System.err.println("The Twilio fake does not answer at " + fake + ". Is local mode running (bin/local)? "
          + "On other ports, set TEXTBACK_TWILIO_FAKE_PORT as for bin/local, or pass --twilio-fake.");
      return 1;
    } catch (IllegalStateException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("worker not reachable")) {
        System.err.println(workerDown(worker));
        return 1;
      }
      throw e;
    }
  }

  private static String workerDown(String worker) {
    return "The worker does not answer at " + worker + ". Is local mode running (bin/local)? "
        + "On other ports, set TEXTBACK_PORT as for bin/local, or pass --worker.";
  }

  /** Whether anything answers HTTP there (any status). */
  private static boolean answers(String url) {
    try {
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build().send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int play(Options o, TwilioPhone phone, String worker, String fake, String token) throws Exception {
    String from = o.get("from", "+1555%07d".formatted(ThreadLocalRandom.current().nextInt(2_000_000, 9_999_999)));
    String to = o.get("to", LocalStack.DEMO_TWILIO_NUMBER);
    String scenario = o.get("scenario", "hang-up");
    Duration wait = Duration.ofSeconds(o.getInt("wait", 90));
    if (scenario.equals("text")) {
      String body = o.get("body", "Hi, I need a plumber");
      WebhookResponse response = phone.text(from, to, body);
      System.out.printf("%s texts %s: \"%s\" -> HTTP %d%n", from, to, body, response.status());
      if (response.body().contains("<Message>")) {
        System.out.println("  answered: " + response.body().replaceAll(".*<Message>(.*)</Message>.*", "$1"));
      }
      if (response.status() != 200) {
        System.out.println("  refused: " + response.body().trim());
        return 1;
      }
      Thread.sleep(1500); // the reply reaches the journey through the engine
      System.out.println("  " + describe(journey(worker, null, from), null, from));
      return 0;
    }
    int before = messagesTo(fake, token, from).size(); // texts from earlier calls of this number
    Call call = phone.call(from, to);
    System.out.printf("Calling %s from %s (CallSid %s), scenario %s%n", to, from, call.callSid(), scenario);

    boolean expectText;
    switch (scenario) {
      case "hang-up" -> {
        step("call rings at the Twilio number", call.rings());
        step("nobody answers (DialCallStatus=no-answer)", call.dialEnded("no-answer"));
        step("caller hangs up at the greeting", call.hangsUpAtGreeting());
        expectText = true;
      }
      case "no-voicemail" -> {
        step("call rings at the Twilio number", call.rings());
        step("nobody answers (DialCallStatus=no-answer)", call.dialEnded("no-answer"));
        System.out.println("  caller stays on the line without leaving a message...");
        expectText = true;
      }
      case "voicemail" -> {
        step("call rings at the Twilio number", call.rings());
        step("nobody answers (DialCallStatus=no-answer)", call.dialEnded("no-answer"));
        step("caller leaves a 20 s voicemail", call.leavesVoicemail(20));
        expectText = false;
      }
      case "answered" -> {
        step("call rings at the Twilio number", call.rings());
        step("the business answers (DialCallStatus=completed)", call.dialEnded("completed"));
        expectText = false;
      }
      case "duplicate" -> {
        step("call rings at the Twilio number", call.rings());
        step("nobody answers (DialCallStatus=no-answer)", call.dialEnded("no-answer"));
        step("  ...the same callback again", call.dialEnded("no-answer"));
        step("caller hangs up at the greeting", call.hangsUpAtGreeting());
        step("  ...the same callback again", call.hangsUpAtGreeting());
        expectText = true;
      }
      default -> {
        System.err.print("unknown scenario '" + scenario + "'\n" + USAGE);
        return 2;
      }
    }
    int outcome = expectText ? awaitText(fake, token, from, before, wait, worker, call.callSid())
        : expectNoText(fake, token, from, before);
    System.out.println("  " + describe(journey(worker, call.callSid(), from), call.callSid(), from));
    return outcome;
  }

  /**
   * What the worker recorded for this call (journeyKey = CallSid) or, for a text, the caller's latest
   * journey, from /api/journeys (local mode's admin); empty when there is none or it cannot be read.
   */
  static Optional<JsonNode> journey(String worker, String callSid, String caller) {
    for (String business : java.util.List.of(LocalStack.DEMO_BUSINESS, LocalStack.DEMO_HIGHLEVEL_BUSINESS)) {
      Optional<JsonNode> found = journey(worker, business, callSid, caller);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<JsonNode> journey(String worker, String business, String callSid, String caller) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(worker + "/api/journeys?business=" + business + "&limit=100"))
          .header("Authorization", LocalStack.adminAuthorization()).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      for (JsonNode j : new ObjectMapper().readTree(response.body())) {
        boolean match = callSid != null ? callSid.equals(j.path("journeyKey").asText())
            : j.path("phone").asText().endsWith(lastFour(caller));
        if (match) {
          return Optional.of(j);
        }
      }
      return Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** A journey's facts and conversation in words. */
  static String describe(Optional<JsonNode> journey, String callSid, String caller) {
    if (journey.isEmpty()) {
      return callSid == null ? "no journey for ***" + lastFour(caller) + " yet: a text from a number with no "
          + "journey is stored, not answered" : "no journey was started for this call: a repeat call from a caller with an "
          + "open conversation joins it and is not texted again";
    }
    JsonNode j = journey.get();
    List<String> facts = new ArrayList<>();
    j.path("events").forEach(e -> facts.add(e.path("kind").asText()
        + (e.path("reason").isTextual() ? " (" + e.path("reason").asText() + ")" : "")));
    return "journey " + j.path("journeyKey").asText() + ": " + String.join(", ", facts)
        + (j.path("conversation").isTextual() ? "; conversation " + j.path("conversation").asText() : "");
  }

  /** The reason the worker did not text this call, once it decided so. */
  private static Optional<String> notTexted(String worker, String callSid, String caller) {
    return journey(worker, callSid, caller).flatMap(j -> {
      for (JsonNode e : j.path("events")) {
        if ("not_texted".equals(e.path("kind").asText())) {
          return Optional.of(e.path("reason").asText("no reason recorded"));
        }
      }
      return Optional.empty();
    });
  }

  private static String lastFour(String phone) {
    return phone.length() > 4 ? phone.substring(phone.length() - 4) : phone;
  }

  private static void step(String what, WebhookResponse response) {
    System.out.printf("  %-48s -> HTTP %d%n", what, response.status());
    if (response.status() >= 300) {
      System.out.println("     " + response.body().trim());
    }
  }

  private static int awaitText(String fake, String token, String caller, int before, Duration wait, String worker,
      String callSid) throws Exception {
    System.out.printf("Waiting up to %d s for the text-back at the Twilio fake...%n", wait.toSeconds());
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode messages = messagesTo(fake, token, caller);
      if (messages.size() > before) {
        for (int i = before; i < messages.size(); i++) {
          JsonNode m = messages.get(i);
          System.out.printf("Texted %s from %s (%s):%n  \"%s\"%n", m.path("to").asText(), m.path("from").asText(),
              m.path("sid").asText(), m.path("body").asText());
        }
        Thread.sleep(2000);
        int count = messagesTo(fake, token, caller).size() - before;
        System.out.println(count == 1 ? "Exactly one SMS, as it should be." : "UNEXPECTED: " + count + " SMS");
        return count == 1 ? 0 : 1;
      }
      Optional<String> reason = notTexted(worker, callSid, caller);
      if (reason.isPresent()) {
        System.out.println("Not texted, as the worker decided: " + reason.get());
        return 0;
      }
      Thread.sleep(250);
    }
    System.out.println("No text arrived within the wait, and the worker recorded no reason not to text.");
    return 1;
  }

  private static int expectNoText(String fake, String token, String caller, int before) throws Exception {
    Thread.sleep(3000);
    int count = messagesTo(fake, token, caller).size() - before;
    System.out.println(count == 0 ? "No SMS, as it should be." : "UNEXPECTED: " + count + " SMS sent");
    return count == 0 ? 0 : 1;
  }

  /** Asks the Twilio fake as one asks Twilio: the Messages list, with the account's Basic credentials. */
  private static JsonNode messagesTo(String fake, String token, String caller) throws Exception {
    String url = fake + "/2010-04-01/Accounts/" + TwilioFake.ACCOUNT_SID + "/Messages.json?To="
        + java.net.URLEncoder.encode(caller, java.nio.charset.StandardCharsets.UTF_8);
    String credentials = java.util.Base64.getEncoder().encodeToString(
        (TwilioFake.ACCOUNT_SID + ":" + token).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + credentials).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(response.body()).path("messages");
  }
}
