package io.textback.worker.a2p;

import io.textback.connector.twilio.api.TwilioClientFactory;
import io.textback.worker.TextbackProperties;
import io.textback.worker.business.BusinessDirectory;
import java.time.Clock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The Messaging API client and the check at start (in the background: a slow Twilio must not hold the start). */
@Configuration
public class A2pConfiguration {

  @Bean
  A2pReadiness a2pReadiness(TextbackProperties properties, BusinessDirectory businesses, Clock clock) {
    TextbackProperties.Twilio t = properties.twilio();
    return new A2pReadiness(TwilioClientFactory.messagingApi(t.clientSettings(), t.messagingBaseUrl()), businesses, clock);
  }

  @EventListener(ApplicationReadyEvent.class)
  void checkAtStart(ApplicationReadyEvent ready) {
    TextbackProperties properties = ready.getApplicationContext().getBean(TextbackProperties.class);
    if (properties.twilio().a2pCheckEnabled()) {
      A2pReadiness readiness = ready.getApplicationContext().getBean(A2pReadiness.class);
      Thread.ofVirtual().name("a2p-check").start(readiness::checkAll);
    }
  }
}
