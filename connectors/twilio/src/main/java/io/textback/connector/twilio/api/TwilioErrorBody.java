package io.textback.connector.twilio.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Twilio's error body: {"code":21211,"message":"...","more_info":"...","status":400}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TwilioErrorBody(
    Integer code, String message, @JsonProperty("more_info") String moreInfo, Integer status) {}
