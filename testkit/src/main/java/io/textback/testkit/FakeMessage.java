package io.textback.testkit;

import java.time.Instant;

/** An SMS the Twilio fake accepted. */
public record FakeMessage(String sid, String to, String from, String body, Instant createdAt) {}
