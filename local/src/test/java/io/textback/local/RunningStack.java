package io.textback.local;

import io.textback.testkit.TwilioPhone;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A local stack started for a test class, with a phone that signs like Twilio and the worker's database. */
record RunningStack(LocalStack stack, TwilioPhone phone) {

  /** The demo business as in local mode but {@link LocalStack#UNCAPPED}, with these properties on top. */
  static RunningStack start(Map<String, Object> extraProperties) throws Exception {
    Map<String, Object> properties = new java.util.HashMap<>(LocalStack.UNCAPPED);
    properties.putAll(extraProperties);
    LocalStack stack = LocalStack.start(LocalSettings.ephemeral("45s"), Duration.ZERO, properties)
        .awaitReady(Duration.ofSeconds(60));
    return new RunningStack(stack, new TwilioPhone(URI.create(stack.workerUrl()), stack.publicBaseUrl(),
        stack.twilioAuthToken()));
  }

  /** The worker's database, from whichever worker runs now (it may have been restarted). */
  JdbcClient jdbc() {
    return stack.worker().getBean(JdbcClient.class);
  }
}
