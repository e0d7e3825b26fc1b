package io.textback.connector.twilio.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The part of a Lookup v2 answer textback reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TwilioLookupResult(
    @JsonProperty("phone_number") String phoneNumber,
    Boolean valid,
    @JsonProperty("line_type_intelligence") LineType lineTypeIntelligence) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record LineType(String type, @JsonProperty("carrier_name") String carrierName) {}

  /** "mobile", "landline", "fixedVoip", ...; null when Twilio did not say. */
  public String type() {
    return lineTypeIntelligence == null ? null : lineTypeIntelligence.type();
  }
}
