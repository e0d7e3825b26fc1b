package io.textback.worker.voice;

import io.textback.worker.inbound.InboundEvent;
import io.textback.worker.inbound.PendingMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The missed-call journey's messages (DESIGN's message table), built from voice callbacks.
 * Time to live: the start message lives briefly (a start for a lead whose journey is still open
 * must not linger and start a second journey later); the caller's own events wait for the journey
 * to reach them, since Twilio's callbacks can beat the screening step.
 */
final class VoiceJourneyMessages {
  static final Duration START_TTL = Duration.ZERO;
  static final Duration CALLER_EVENT_TTL = Duration.ofHours(1);
  /** Just long enough to meet a journey that is still being screened; a later journey must not see it. */
  static final Duration REACHED_TTL = Duration.ofSeconds(10);

  private VoiceJourneyMessages() {}

  static InboundEvent callMissed(String eventKey, VoiceCall call, String reason, Instant at) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("businessId", call.business().id());
    vars.put("businessPhone", call.business().twilioNumber());
    vars.put("callSid", call.callSid());
    vars.put("callerPhone", call.callerForProcess());
    vars.put("leadKey", call.leadKey());
    vars.put("missReason", reason);
    vars.put("missedAt", at.toString());
    if (call.param("ForwardedFrom") != null) {
      vars.put("forwardedFrom", call.param("ForwardedFrom"));
    }
    return event(eventKey, "call-missed", call,
        new PendingMessage("call-missed", call.leadKey(), call.callSid(), START_TTL, vars));
  }

  static InboundEvent callerReached(String eventKey, VoiceCall call) {
    return event(eventKey, "caller-reached", call,
        new PendingMessage("caller-reached", call.leadKey(), call.callSid(), REACHED_TTL,
            Map.of("reachedCallSid", call.callSid())));
  }

  static InboundEvent callerHungUp(String eventKey, VoiceCall call) {
    return event(eventKey, "caller-hung-up", call,
        new PendingMessage("caller-hung-up", call.callSid(), call.callSid(), CALLER_EVENT_TTL, Map.of()));
  }

  static InboundEvent voicemailLeft(String eventKey, VoiceCall call, String recordingSid, String url, int seconds) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("recordingSid", recordingSid);
    vars.put("recordingSeconds", seconds);
    if (url != null) {
      vars.put("recordingUrl", url);
    }
    return event(eventKey, "voicemail-left", call,
        new PendingMessage("voicemail-left", call.callSid(), recordingSid, CALLER_EVENT_TTL, vars));
  }

  /** A callback stored for the record that asks nothing of the engine. */
  static InboundEvent recordOnly(String eventKey, String kind, VoiceCall call) {
    return new InboundEvent("twilio", eventKey, kind, call.params(), Optional.empty());
  }

  private static InboundEvent event(String key, String kind, VoiceCall call, PendingMessage message) {
    return new InboundEvent("twilio", key, kind, call.params(), Optional.of(message));
  }
}
