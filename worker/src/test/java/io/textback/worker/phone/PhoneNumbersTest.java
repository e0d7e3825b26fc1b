package io.textback.worker.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which caller ids and form phones are numbers textback may text, and of which country and kind. */
class PhoneNumbersTest {
  final PhoneNumbers phones = new PhoneNumbers();

  @Test
  void plainNumbersAsCallersAndFormsWriteThem_areRead() {
    assertThat(phones.toE164("+15551230206", "US")).contains("+15551230206");
    assertThat(phones.toE164("(555) 123-0206", "US")).contains("+15551230206");
    assertThat(phones.toE164("1-555-123-0206", "US")).contains("+15551230206");
    assertThat(phones.toE164("555.123.0206", "US")).contains("+15551230206");
    assertThat(phones.toE164("\u202a+1 555 123 0206\u202c", "US")).as("pasted with direction marks").contains("+15551230206");
    assertThat(phones.toE164("555\u2013123\u20130206", "US")).as("en dashes").contains("+15551230206");
    assertThat(phones.toE164("0171/1234567", "DE")).as("a slash").contains("+491711234567");
  }

  @Test
  void callerIdsThatAreNotPlainNumbers_areNotNumbers() {
    assertThat(phones.toE164("client:+15551230206", "US")).isEmpty();
    assertThat(phones.toE164("+15551230207;ext=99", "US")).isEmpty();
    assertThat(phones.toE164("sip:+15551230208@example.com", "US")).isEmpty();
    assertThat(phones.toE164("tel:+15551230209", "US")).isEmpty();
  }

  @Test
  void countriesAndKinds_asLibphonenumberKnowsThem() {
    assertThat(phones.countryOf("+15551230206")).as("a fictional 555 number is of +1's main country").isEqualTo("US");
    assertThat(phones.countryOf("+18095551234")).isEqualTo("DO");
    assertThat(phones.countryOf("+882160012345")).isEqualTo("001");
    assertThat(phones.countryOf("+447700900123")).isEqualTo("GB");
    assertThat(phones.isUntextableType("+19005550123")).isTrue();
    assertThat(phones.isUntextableType("+979123456789")).isTrue();
    assertThat(phones.isUntextableType("+15551230206")).isFalse();
    assertThat(phones.isUntextableType("+12125550123")).isFalse();
  }
}
