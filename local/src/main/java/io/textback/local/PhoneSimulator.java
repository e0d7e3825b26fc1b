package io.textback.local;

import io.textback.testkit.FakeMessage;
import io.textback.testkit.TwilioFake;
import io.textback.testkit.TwilioPhone;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local mode's phone for the console: call the demo business (leave a voicemail or not), text it,
 * send STOP, and see the texts the lead got. It signs Twilio's webhooks as Twilio would, so the
 * worker treats them as real. Never in the production jar.
 */
@RestController
public class PhoneSimulator {
  private final TwilioPhone phone;
  private final TwilioFake twilio;
  private final List<FakeMessage> leadTexts = new CopyOnWriteArrayList<>();
  /** The running worker's businesses (the simulator is made before the worker it belongs to). */
  private final java.util.function.Supplier<io.textback.worker.business.BusinessDirectory> directory;

  public PhoneSimulator(LocalSettings settings, TwilioFake twilio,
      java.util.function.Supplier<io.textback.worker.business.BusinessDirectory> directory) {
    this.directory = directory;
    this.phone = new TwilioPhone(URI.create("http://localhost:" + settings.workerPort()), settings.publicBaseUrl(),
        settings.twilioAuthToken());
    this.twilio = twilio;
  }

  /** {@code business}: which business to call or text (Demo Plumbing when not given). */
  public record CallRequest(String from, Boolean voicemail, String business) {}

  public record TextRequest(String from, String body, String business) {}

  /** Every business a caller can reach (the demo ones, and those added in the console since), by id: their Twilio numbers. */
  @GetMapping("/local/simulator")
  public Map<String, Object> about() {
    Map<String, String> numbers = new java.util.LinkedHashMap<>();
    directory.get().all().forEach(b -> numbers.put(b.id(), b.twilioNumber()));
    return Map.of("business", LocalStack.DEMO_BUSINESS, "businessNumber", LocalStack.DEMO_TWILIO_NUMBER, "numbers", numbers);
  }

  private String numberOf(String business) {
    if (business == null || business.isBlank()) {
      return LocalStack.DEMO_TWILIO_NUMBER;
    }
    return directory.get().byId(business).map(io.textback.worker.business.Business::twilioNumber).orElseThrow(() ->
        new io.textback.worker.web.RequestRejectedException(HttpStatus.NOT_FOUND, "no business " + business + " to call"));
  }

  @PostMapping("/local/simulator/calls")
  public ResponseEntity<Map<String, Object>> call(@RequestBody CallRequest request) {
    String from = phone(request.from());
    TwilioPhone.Call call = phone.call(from, numberOf(request.business()));
    call.missed();
    int status = Boolean.TRUE.equals(request.voicemail()) ? call.leavesVoicemail(20).status() : call.hangsUpAtGreeting().status();
    return ResponseEntity.ok(Map.of("callSid", call.callSid(), "from", from, "webhookStatus", status));
  }

  @PostMapping("/local/simulator/texts")
  public ResponseEntity<Map<String, Object>> text(@RequestBody TextRequest request) {
    String from = phone(request.from());
    if (request.body() == null || request.body().isBlank()) {
      return ResponseEntity.unprocessableEntity().body(Map.of("error", "body is required"));
    }
    String to = numberOf(request.business());
    int status = phone.text(from, to, request.body()).status();
    leadTexts.add(new FakeMessage("lead", to, from, request.body(), Instant.now()));
    return ResponseEntity.ok(Map.of("from", from, "webhookStatus", status));
  }

  /** The thread as the lead's phone shows it: texts from the business and the lead's own. */
  @GetMapping("/local/simulator/messages")
  public List<Map<String, Object>> messages(@RequestParam String phone) {
    String number = phone(phone);
    List<FakeMessage> all = new ArrayList<>(twilio.sentTo(number));
    leadTexts.stream().filter(m -> m.from().equals(number)).forEach(all::add);
    return all.stream().sorted(Comparator.comparing(FakeMessage::createdAt))
        .map(m -> Map.<String, Object>of("from", m.from(), "to", m.to(), "body", m.body(), "at", m.createdAt().toString()))
        .toList();
  }

  private static String phone(String raw) {
    if (raw == null || !raw.trim().matches("\\+[1-9]\\d{6,14}")) {
      throw new io.textback.worker.web.RequestRejectedException(HttpStatus.UNPROCESSABLE_ENTITY,
          "from must be an E.164 number such as +15551234567");
    }
    return raw.trim();
  }
}
