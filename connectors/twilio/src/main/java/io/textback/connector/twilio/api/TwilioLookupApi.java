package io.textback.connector.twilio.api;

import feign.Param;
import feign.RequestLine;

/** Twilio Lookup v2: what kind of line a number is (mobile, landline, VoIP, ...). */
public interface TwilioLookupApi {
  @RequestLine("GET /v2/PhoneNumbers/{phone}?Fields=line_type_intelligence")
  TwilioLookupResult lookup(@Param("phone") String e164);
}
