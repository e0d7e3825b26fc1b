package io.textback.connector.twilio.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Our signature code against Twilio's own Java validator, the oracle. */
class TwilioSignatureTest {
  static final String TOKEN = "12345";
  static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
  static final Map<String, String> PARAMS = Map.of(
      "CallSid", "CA1234567890ABCDE", "Caller", "+12349013030", "Digits", "1234",
      "From", "+12349013030", "To", "+18005551212");

  static Map<String, List<String>> multi(Map<String, String> single) {
    return single.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
  }

  @Test
  void matchesTwilioDocsExample() {
    // The example from Twilio's "Webhooks security" page.
    assertThat(TwilioSignature.compute(TOKEN, URL, multi(PARAMS))).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
  }

  @Test
  void agreesWithTwilioRequestValidatorOnRandomRequests() {
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      Map<String, String> params = new HashMap<>();
      for (int p = 0; p < 1 + random.nextInt(12); p++) {
        params.put("Param" + random.nextInt(1000), Long.toString(random.nextLong(), 36) + " é&=+");
      }
      String url = "https://example.org:8443/webhooks/twilio/voice" + (i % 2 == 0 ? "" : "?x=" + i);
      String token = Long.toHexString(random.nextLong());
      String ours = TwilioSignature.compute(token, url, multi(params));

      assertThat(new RequestValidator(token).validate(url, params, ours)).isTrue();
      assertThat(TwilioSignature.isValid(token, url, multi(params), ours)).isTrue();
    }
  }

  @Test
  void refusesATamperedParamAWrongTokenAndNoSignature() {
    String good = TwilioSignature.compute(TOKEN, URL, multi(PARAMS));
    Map<String, String> tampered = new HashMap<>(PARAMS);
    tampered.put("From", "+19999999999");

    assertThat(TwilioSignature.isValid(TOKEN, URL, multi(tampered), good)).isFalse();
    assertThat(TwilioSignature.isValid("other", URL, multi(PARAMS), good)).isFalse();
    assertThat(TwilioSignature.isValid(TOKEN, URL, multi(PARAMS), null)).isFalse();
    assertThat(TwilioSignature.isValid(TOKEN, URL, multi(PARAMS), "")).isFalse();
  }

  @Test
  void acceptsTheUrlWithOrWithoutTheDefaultPortLikeTwiliosValidator() {
    String signedWithPort = TwilioSignature.compute(TOKEN, "https://mycompany.com:443/voice", multi(PARAMS));

    assertThat(TwilioSignature.isValid(TOKEN, "https://mycompany.com/voice", multi(PARAMS), signedWithPort)).isTrue();
    assertThat(new RequestValidator(TOKEN).validate("https://mycompany.com/voice", PARAMS, signedWithPort)).isTrue();
  }
}
