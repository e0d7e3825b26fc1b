package io.textback.worker.numbers;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The Twilio account's numbers and where each points ({@code GET}), and connecting one ({@code POST .../connect}). An admin's. */
@RestController
public class NumberController {
  private final TwilioNumberConnections connections;

  public NumberController(TwilioNumberConnections connections) {
    this.connections = connections;
  }

  public record ConnectRequest(Boolean confirm) {}

  @GetMapping("/api/twilio/numbers")
  public List<NumberView> numbers() {
    return connections.list();
  }

  @PostMapping("/api/twilio/numbers/{sid}/connect")
  public NumberView connect(@PathVariable String sid, @RequestBody(required = false) ConnectRequest request) {
    io.textback.worker.webhook.TwilioIds.require("sid", sid, io.textback.worker.webhook.TwilioIds.PHONE_NUMBER, "phone number");
    return connections.connect(sid, request != null && Boolean.TRUE.equals(request.confirm()));
  }
}
