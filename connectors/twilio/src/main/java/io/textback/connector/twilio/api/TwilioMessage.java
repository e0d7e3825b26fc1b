package io.textback.connector.twilio.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A Message resource as Twilio returns it (only the fields textback reads). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TwilioMessage(
    String sid,
    String status,
    String to,
    String from,
    String body,
    @JsonProperty("num_segments") String numSegments,
    @JsonProperty("error_code") Integer errorCode,
    @JsonProperty("error_message") String errorMessage,
    @JsonProperty("date_created") String dateCreated) {}
