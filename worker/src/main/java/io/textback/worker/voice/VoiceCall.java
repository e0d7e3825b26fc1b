package io.textback.worker.voice;

import io.textback.worker.business.Business;
import io.textback.worker.phone.PhoneNumbers;
import io.textback.worker.web.RequestRejectedException;
import io.textback.worker.webhook.TwilioIds;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * One Twilio voice callback, read: the call, its caller and the business it was for.
 *
 * @param callerE164 the caller in E.164, empty when anonymous or unparseable
 * @param leadKey {businessId}:{E.164}; for a caller without a usable number it is unique per call,
 *     so such calls never share a journey
 */
public record VoiceCall(
    Business business, String callSid, String rawFrom, Optional<String> callerE164, String leadKey,
    Map<String, String> params) {

  static VoiceCall read(Map<String, String> params, Business business, PhoneNumbers phones) {
    String callSid = TwilioIds.require("CallSid", params.get("CallSid"), TwilioIds.CALL, "call");
    String from = params.getOrDefault("From", "");
    Optional<String> caller = phones.toE164(from, business.region());
    String leadKey = caller.map(business::leadKey).orElse(business.id() + ":unknown:" + callSid);
    return new VoiceCall(business, callSid, from, caller, leadKey, params);
  }

  static String required(Map<String, String> params, String name) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, name + " is required");
    }
    return value;
  }

  public String param(String name) {
    return params.get(name);
  }

  public String callerForProcess() {
    return callerE164.orElse(rawFrom);
  }
}
