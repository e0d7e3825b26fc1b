package io.textback.connector.twilio.lookup;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.textback.connector.twilio.api.TwilioClientFactory;
import io.textback.connector.twilio.api.TwilioSettings;
import io.textback.connector.twilio.lookup.model.PhoneLookupRequest;
import io.textback.connector.twilio.lookup.model.PhoneLookupResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The line-type step against a WireMock Twilio Lookup: verdicts, the cache, and failing open. */
class PhoneLookupConnectorTest {
  static final String PHONE = "+15551234567";
  static final String PATH = "/v2/PhoneNumbers/%2B15551234567";

  @RegisterExtension
  static WireMockExtension twilio = WireMockExtension.newInstance().options(
      com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort()).build();

  final Map<String, PhoneLineBook.KnownLine> remembered = new HashMap<>();
  final PhoneLineBook book = new PhoneLineBook() {
    @Override
    public Optional<KnownLine> known(String e164) {
      return Optional.ofNullable(remembered.get(e164));
    }

    @Override
    public void remember(String e164, String lineType, boolean textable) {
      remembered.put(e164, new KnownLine(textable, textable ? null : lineType));
    }
  };
  PhoneLookupConnector connector;

  @BeforeEach
  void setUp() {
    var settings = new TwilioSettings(twilio.baseUrl(), "AC00000000000000000000000000000001", "secret-token", null,
        null, Duration.ofSeconds(1), Duration.ofMillis(500));
    connector = new PhoneLookupConnector(TwilioClientFactory.lookupApi(settings, twilio.baseUrl()), book, true);
  }

  static String answer(String type) {
    return """
        {"phone_number":"%s","valid":true,"line_type_intelligence":{"type":"%s","carrier_name":"X"}}"""
        .formatted(PHONE, type);
  }

  @Test
  void aLandlineIsNotTextable_andTwilioIsAskedOncePerNumber() {
    twilio.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(answer("landline"))));

    PhoneLookupResult first = connector.check(PHONE, true);
    PhoneLookupResult second = connector.check(PHONE, true);

    assertThat(first).isEqualTo(new PhoneLookupResult(false, "landline", "landline", "lookup"));
    assertThat(second.textable()).isFalse();
    assertThat(second.reason()).isEqualTo("landline");
    assertThat(second.source()).isEqualTo("cache");
    twilio.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("Fields", equalTo("line_type_intelligence")));
  }

  @Test
  void aMobileIsTextable() {
    twilio.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(answer("mobile"))));

    assertThat(connector.check(PHONE, true)).isEqualTo(new PhoneLookupResult(true, "mobile", null, "lookup"));
  }

  @Test
  void aNumberWhoseDeliveryFailedForGood_isNotTextedWithoutAskingTwilio() {
    remembered.put(PHONE, new PhoneLineBook.KnownLine(false, "undeliverable"));

    PhoneLookupResult result = connector.check(PHONE, true);

    assertThat(result.textable()).isFalse();
    assertThat(result.reason()).isEqualTo("undeliverable");
    twilio.verify(0, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aLookupThatFails_letsTheTextGo_andIsAskedAgainNextTime() {
    twilio.stubFor(get(urlPathEqualTo(PATH)).willReturn(serverError()));

    assertThat(connector.check(PHONE, true)).isEqualTo(new PhoneLookupResult(true, null, null, "failed"));
    assertThat(remembered).isEmpty();
  }

  @Test
  void aLookupThatFails_forAFormLead_meansNotTexted() {
    twilio.stubFor(get(urlPathEqualTo(PATH)).willReturn(serverError()));

    assertThat(connector.check(PHONE, false)).isEqualTo(new PhoneLookupResult(false, null, "lookup_failed", "failed"));
    assertThat(remembered).as("asked again next time").isEmpty();
  }

  @Test
  void theTaskSaysWhatALookupFailureMeans_textingWhenItSaysNothing() {
    assertThat(new PhoneLookupRequest(PHONE, null).textWhenLookupFails()).isTrue();
    assertThat(new PhoneLookupRequest(PHONE, "text").textWhenLookupFails()).isTrue();
    assertThat(new PhoneLookupRequest(PHONE, "do-not-text").textWhenLookupFails()).isFalse();
  }

  @Test
  void withLookupOff_everyUnknownNumberIsTextable() {
    var settings = new TwilioSettings(twilio.baseUrl(), "AC00000000000000000000000000000001", "secret-token", null,
        null, Duration.ofSeconds(1), Duration.ofMillis(500));
    var off = new PhoneLookupConnector(TwilioClientFactory.lookupApi(settings, twilio.baseUrl()), book, false);

    assertThat(off.check(PHONE, true).source()).isEqualTo("off");
    twilio.verify(0, getRequestedFor(urlPathEqualTo(PATH)));
  }
}
