package io.textback.worker.sms;

import io.textback.connector.twilio.api.TwilioClientFactory;
import io.textback.connector.twilio.api.TwilioLookupApi;
import io.textback.connector.twilio.lookup.PhoneLineBook;
import io.textback.connector.twilio.lookup.PhoneLookupConnector;
import io.textback.connector.twilio.sms.FirstTextCap;
import io.textback.connector.twilio.sms.SmsOutbox;
import io.textback.connector.twilio.sms.SmsSendConnector;
import io.textback.connector.twilio.sms.SmsSendGuard;
import io.textback.connector.twilio.sms.TwilioSmsGateway;
import io.textback.worker.TextbackProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Twilio clients and the sms-send and phone-lookup connectors, which the connectors runtime runs as a job worker. */
@Configuration
public class SmsConfiguration {

  @Bean
  TwilioSmsGateway twilioSmsGateway(TextbackProperties properties, io.textback.crm.RequestBudget budget) {
    TextbackProperties.Twilio t = properties.twilio();
    int perSecond = t.messagesPerSecond();
    io.textback.connector.twilio.sms.SendPacing pacing = perSecond <= 0 ? io.textback.connector.twilio.sms.SendPacing.NONE
        : new SharedSendPacing(budget, perSecond);
    return new TwilioSmsGateway(TwilioClientFactory.messagesApi(t.clientSettings()), t.accountSid(),
        properties.publicBaseUrl() + SmsStatusController.PATH, TwilioSmsGateway.RateLimitBackoff.DEFAULT, pacing);
  }

  @Bean
  TwilioLookupApi twilioLookupApi(TextbackProperties properties) {
    TextbackProperties.Twilio t = properties.twilio();
    return TwilioClientFactory.lookupApi(t.clientSettings(), t.lookupBaseUrl());
  }

  @Bean
  PhoneLookupConnector phoneLookupConnector(TwilioLookupApi lookup, PhoneLineBook lines, TextbackProperties properties) {
    return new PhoneLookupConnector(lookup, lines, properties.twilio().lookupEnabled());
  }

  /** Reads every inbound text for a revoked consent (optout/revocations.txt). */
  @Bean
  io.textback.worker.optout.RevocationReader revocationReader() {
    return io.textback.worker.optout.RevocationReader.standard();
  }

  @Bean
  SmsSendConnector smsSendConnector(TwilioSmsGateway gateway, SmsOutbox outbox, SmsSendGuard guard, FirstTextCap cap) {
    return new SmsSendConnector(gateway, outbox, guard, cap);
  }
}
