package io.textback.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.textback.testkit.contract.VendorContract;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signing phone sends, for each callback, the parameters Twilio documents for it, no more. */
class TwilioPhoneTest {

  @Test
  void theRecordingStatusCallbackCarriesNoToOrFrom() {
    VendorContract.Callback callback = VendorContract.twilio().callback("voice.recording-status");

    assertThat(callback.always()).contains("CallSid", "RecordingSid", "RecordingStatus").doesNotContain("To", "From");
    assertThat(callback.documents("To")).isFalse();
  }

  @Test
  void aParameterTwilioDoesNotDocument_isRefusedByThePhone() {
    Map<String, String> params = new LinkedHashMap<>(Map.of("MessageSid", "SM1", "SmsSid", "SM1", "SmsMessageSid", "SM1",
        "AccountSid", TwilioFake.ACCOUNT_SID, "From", "+15551234567", "To", "+15550100000", "Body", "hi",
        "NumMedia", "0", "NumSegments", "1"));
    assertThat(TwilioPhone.documented("sms.incoming", params)).isSameAs(params);

    params.put("ApiVersion", "2010-04-01");
    assertThatThrownBy(() -> TwilioPhone.documented("sms.incoming", params))
        .hasMessage("Twilio does not document ApiVersion for sms.incoming");
    params.remove("ApiVersion");
    params.remove("NumSegments");
    assertThatThrownBy(() -> TwilioPhone.documented("sms.incoming", params))
        .hasMessage("Twilio always sends NumSegments with sms.incoming");
  }

  @Test
  void indexedParametersAreDocumentedByTheirFamily() {
    VendorContract.Callback callback = VendorContract.twilio().callback("sms.incoming");

    assertThat(callback.documents("MediaUrl0")).isTrue();
    assertThat(callback.documents("MediaUrlX")).isFalse();
  }
}
