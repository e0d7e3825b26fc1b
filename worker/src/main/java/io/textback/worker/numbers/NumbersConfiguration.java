package io.textback.worker.numbers;

import io.textback.connector.twilio.api.TwilioClientFactory;
import io.textback.worker.TextbackProperties;
import io.textback.worker.business.BusinessDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Twilio account's numbers, read and pointed at textback from the console. */
@Configuration
public class NumbersConfiguration {
  @Bean
  TwilioNumberConnections twilioNumberConnections(TextbackProperties properties, BusinessDirectory businesses) {
    TextbackProperties.Twilio t = properties.twilio();
    return new TwilioNumberConnections(TwilioClientFactory.numbersApi(t.clientSettings()), t.accountSid(),
        properties.publicBaseUrl(), businesses);
  }
}
