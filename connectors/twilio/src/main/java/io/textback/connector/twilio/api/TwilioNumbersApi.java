package io.textback.connector.twilio.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.List;
import java.util.Map;

/**
 * The account's own numbers (IncomingPhoneNumbers, 2010-04-01 API; twilio/twilio-oai
 * spec/json/twilio_api_v2010.json @ d50069b4): where each sends its calls and texts, and pointing it
 * at textback. One page of up to 1000: a business's account has a handful.
 */
public interface TwilioNumbersApi {
  @RequestLine("GET /2010-04-01/Accounts/{accountSid}/IncomingPhoneNumbers.json?PageSize=1000")
  Page list(@Param("accountSid") String accountSid);

  @RequestLine("GET /2010-04-01/Accounts/{accountSid}/IncomingPhoneNumbers/{sid}.json")
  IncomingNumber fetch(@Param("accountSid") String accountSid, @Param("sid") String sid);

  /** Form fields as Twilio names them: VoiceUrl, VoiceMethod, StatusCallback, StatusCallbackMethod, SmsUrl, SmsMethod. */
  @RequestLine("POST /2010-04-01/Accounts/{accountSid}/IncomingPhoneNumbers/{sid}.json")
  @Headers("Content-Type: application/x-www-form-urlencoded")
  IncomingNumber update(@Param("accountSid") String accountSid, @Param("sid") String sid, Map<String, ?> form);

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Page(@JsonProperty("incoming_phone_numbers") List<IncomingNumber> numbers) {
    public Page {
      numbers = numbers == null ? List.of() : numbers;
    }
  }

  /**
   * One number. {@code voiceApplicationSid}, {@code smsApplicationSid} or {@code trunkSid}, when set,
   * route the calls or texts elsewhere whatever the URLs say.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record IncomingNumber(String sid, @JsonProperty("phone_number") String phoneNumber,
      @JsonProperty("friendly_name") String friendlyName, @JsonProperty("voice_url") String voiceUrl,
      @JsonProperty("voice_method") String voiceMethod, @JsonProperty("status_callback") String statusCallback,
      @JsonProperty("status_callback_method") String statusCallbackMethod, @JsonProperty("sms_url") String smsUrl,
      @JsonProperty("sms_method") String smsMethod, @JsonProperty("voice_application_sid") String voiceApplicationSid,
      @JsonProperty("sms_application_sid") String smsApplicationSid, @JsonProperty("trunk_sid") String trunkSid) {}
}
