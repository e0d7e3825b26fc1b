package io.textback.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes WireMock answer Twilio's Messages resource the way Twilio does: a create returns 201 with a
 * new SM sid and is remembered; a list (To, From, DateSent&gt;) returns what was created.
 */
final class TwilioMessagesTransformer implements ResponseDefinitionTransformerV2 {
  static final String NAME = "twilio-messages";
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
  private final ObjectMapper json = new ObjectMapper();
  private final List<FakeMessage> messages = new CopyOnWriteArrayList<>();
  private final AtomicLong sequence = new AtomicLong();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  List<FakeMessage> messages() {
    return List.copyOf(messages);
  }

  void clear() {
    messages.clear();
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    try {
      Answer answer = RequestMethod.POST.equals(request.getMethod()) ? create(request) : list(request);
      return ResponseDefinitionBuilder.like(event.getResponseDefinition())
          .withStatus(answer.status()).withBody(answer.json()).build();
    } catch (Exception e) {
      return ResponseDefinitionBuilder.like(event.getResponseDefinition())
          .withStatus(500).withBody("{\"code\":20500,\"message\":\"fake failed: " + e.getMessage() + "\"}").build();
    }
  }

  private Answer create(Request request) throws Exception {
    String to = form(request, "To");
    String from = form(request, "From");
    String body = form(request, "Body");
    if (to == null || to.isBlank()) {
      return error(21604, "A 'To' phone number is required.");
    }
    if (!to.matches("\\+[1-9]\\d{6,14}")) {
      return error(21211, "The 'To' number " + to + " is not a valid phone number.");
    }
    FakeMessage message = new FakeMessage("SM%032x".formatted(sequence.incrementAndGet()), to, from, body, Instant.now());
    messages.add(message);
    return new Answer(201, json.writeValueAsString(resource(message, "queued")));
  }

  private Answer list(Request request) throws Exception {
    String to = query(request, "To");
    String from = query(request, "From");
    List<Map<String, Object>> page = new ArrayList<>();
    for (FakeMessage m : messages) {
      if ((to == null || to.equals(m.to())) && (from == null || from.equals(m.from()))) {
        page.add(resource(m, "sent"));
      }
    }
    return new Answer(200, json.writeValueAsString(Map.of("messages", page)));
  }

  private static Map<String, Object> resource(FakeMessage m, String status) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("sid", m.sid());
    r.put("status", status);
    r.put("to", m.to());
    r.put("from", m.from());
    r.put("body", m.body());
    r.put("num_segments", "1");
    r.put("date_created", RFC_2822.format(m.createdAt()));
    return r;
  }

  private Answer error(int code, String message) throws Exception {
    return new Answer(400, json.writeValueAsString(Map.of("code", code, "message", message,
        "more_info", "https://www.twilio.com/docs/errors/" + code, "status", 400)));
  }

  private static String form(Request request, String name) {
    FormParameter p = request.formParameter(name);
    return p == null || !p.isPresent() ? null : p.firstValue();
  }

  private static String query(Request request, String name) {
    QueryParameter p = request.queryParameter(name);
    return p == null || !p.isPresent() ? null : p.firstValue();
  }

  private record Answer(int status, String json) {}
}
