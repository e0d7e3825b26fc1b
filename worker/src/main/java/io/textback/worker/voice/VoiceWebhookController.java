package io.textback.worker.voice;

import io.textback.connector.twilio.twiml.TwiML;
import io.textback.worker.TextbackProperties;
import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.business.ConnectionMode;
import io.textback.worker.consent.ConsentEvidence;
import io.textback.worker.consent.ConsentRecord;
import io.textback.worker.conversation.ConversationStore;
import io.textback.worker.inbound.InboundEvent;
import io.textback.worker.inbound.InboundEventStore;
import io.textback.worker.inbound.MessageRelay;
import io.textback.worker.phone.PhoneNumbers;
import io.textback.worker.spool.SpooledWebhooks;
import io.textback.worker.spool.WebhookReceipt;
import io.textback.worker.spool.WebhookSpool;
import io.textback.worker.webhook.TwilioIds;
import io.textback.worker.webhook.TwilioWebhookVerifier;
import io.textback.worker.web.RequestRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's voice webhooks. Each one: signature checked, event stored (a repeat is answered the same
 * and dropped; spooled to disk while PostgreSQL is down), TwiML returned at once; the engine hears
 * about it through the relay.
 */
@RestController
@RequestMapping(path = VoiceWebhookController.PATH, produces = "application/xml")
public class VoiceWebhookController implements SpooledWebhooks {
  private static final Logger LOG = LoggerFactory.getLogger(VoiceWebhookController.class);
  static final String PATH = "/webhooks/twilio/voice";
  static final String DIAL_STATUS_PATH = PATH + "/dial-status";
  static final String RECORDING_PATH = PATH + "/recording";
  static final String STATUS_PATH = PATH + "/status";
  /** A recording shorter than this is a hang-up after the beep, not a voicemail. */
  static final int MIN_VOICEMAIL_SECONDS = 3;
  private static final int MAX_VOICEMAIL_SECONDS = 180;
  private static final Set<String> MISSED_DIAL_STATUSES = Set.of("no-answer", "busy", "failed", "canceled");
  private static final Set<String> ENDED_CALL_STATUSES = Set.of("completed", "busy", "no-answer", "failed", "canceled");

  private final TwilioWebhookVerifier verifier;
  private final BusinessDirectory businesses;
  private final PhoneNumbers phones;
  private final InboundEventStore events;
  private final MessageRelay relay;
  private final ConversationStore conversations;
  private final ConsentEvidence consent;
  private final String baseUrl;
  private final Clock clock;
  private final WebhookSpool spool;

  public VoiceWebhookController(TwilioWebhookVerifier verifier, BusinessDirectory businesses, PhoneNumbers phones,
      InboundEventStore events, MessageRelay relay, ConversationStore conversations, ConsentEvidence consent,
      TextbackProperties properties, Clock clock, WebhookSpool spool) {
    this.spool = spool;
    this.conversations = conversations;
    this.consent = consent;
    this.verifier = verifier;
    this.businesses = businesses;
    this.phones = phones;
    this.events = events;
    this.relay = relay;
    this.baseUrl = properties.publicBaseUrl();
    this.clock = clock;
  }

  /** A call to the business's Twilio number: ring the business, or (forwarded) it is already missed. */
  @PostMapping
  public String incomingCall(HttpServletRequest request) {
    return incomingCall(live(PATH, request));
  }

  String incomingCall(WebhookReceipt receipt) {
    VoiceCall call = read(receipt.params());
    Business business = call.business();
    if (business.connection() == ConnectionMode.FORWARDED) {
      return missed(receipt, call, "forwarded");
    }
    spool.record(receipt, () -> store(VoiceJourneyMessages.recordOnly("incoming:" + call.callSid(), "call-incoming", call)));
    return TwiML.response()
        .dial(business.forwardTo(), TwiML.dialTimeoutForRings(business.ringCount()), baseUrl + DIAL_STATUS_PATH)
        .toXml();
  }

  /** The Dial ended: answered means reached; anything else means missed. */
  @PostMapping("/dial-status")
  public String dialStatus(HttpServletRequest request) {
    return dialStatus(live(DIAL_STATUS_PATH, request));
  }

  String dialStatus(WebhookReceipt receipt) {
    VoiceCall call = read(receipt.params());
    String status = VoiceCall.required(call.params(), "DialCallStatus");
    if (MISSED_DIAL_STATUSES.contains(status)) {
      return missed(receipt, call, status);
    }
    if ("completed".equals(status) || "answered".equals(status)) {
      spool.record(receipt, () -> store(VoiceJourneyMessages.callerReached("dial-status:" + call.callSid(), call)));
      return TwiML.response().hangup().toXml();
    }
    throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "unknown DialCallStatus '" + status + "'");
  }

  /**
   * Both the Record action (recording ended; Digits=hangup when the caller hung up) and the
   * recording status callback (RecordingStatus completed or absent) arrive here. The status callback
   * carries no To or From (Twilio's recordingStatusCallback parameters), so it is matched to its
   * call by CallSid.
   */
  @PostMapping("/recording")
  public String recording(HttpServletRequest request) {
    return recording(live(RECORDING_PATH, request));
  }

  String recording(WebhookReceipt receipt) {
    Map<String, String> params = receipt.params();
    Recording recording = Recording.of(params);
    if (params.containsKey("To")) {
      VoiceCall call = read(params);
      spool.record(receipt, () -> store(recording.event(call)));
      return TwiML.response().hangup().toXml();
    }
    TwilioIds.require("CallSid", params.get("CallSid"), TwilioIds.CALL, "call");
    spool.record(receipt, () -> store(recording.event(knownCall(params))));
    return TwiML.response().toXml();
  }

  /** What a recording callback says, read before anything is stored (a bad one is refused at once). */
  private record Recording(String status, int seconds, String url, String sid) {
    static Recording of(Map<String, String> params) {
      String url = params.get("RecordingUrl");
      return new Recording(params.get("RecordingStatus"), parseSeconds(params.get("RecordingDuration")), url,
          recordingSid(params, url));
    }

    InboundEvent event(VoiceCall call) {
      boolean isStatusCallback = status != null;
      String eventKey = (isStatusCallback ? "recording-status:" : "record-action:") + call.callSid();
      boolean voicemail = sid != null && seconds >= MIN_VOICEMAIL_SECONDS && (!isStatusCallback || "completed".equals(status));
      return voicemail ? VoiceJourneyMessages.voicemailLeft(eventKey, call, sid, url, seconds)
          : VoiceJourneyMessages.callerHungUp(eventKey, call);
    }
  }

  /**
   * The call's own status callback (the number's "call status changes" URL). A caller who hangs up
   * during the greeting reaches no Record action; this is how we learn it.
   */
  @PostMapping("/status")
  public String callStatus(HttpServletRequest request) {
    return callStatus(live(STATUS_PATH, request));
  }

  String callStatus(WebhookReceipt receipt) {
    VoiceCall call = read(receipt.params());
    String status = VoiceCall.required(call.params(), "CallStatus");
    String key = "call-status:" + call.callSid() + ":" + status;
    spool.record(receipt, () -> store(ENDED_CALL_STATUSES.contains(status) && events.hasMessage("call-missed", call.callSid())
        ? VoiceJourneyMessages.callerHungUp(key, call)
        : VoiceJourneyMessages.recordOnly(key, "call-status", call)));
    return TwiML.response().toXml();
  }

  /** Replayed from the spool: the same work as live, its answer already given. */
  @Override
  public Map<String, Consumer<WebhookReceipt>> replayByPath() {
    return Map.of(PATH, this::incomingCall, DIAL_STATUS_PATH, this::dialStatus, RECORDING_PATH, this::recording,
        STATUS_PATH, this::callStatus);
  }

  /**
   * A missed call starts a journey, unless the caller already has an open conversation with the
   * business: then it is recorded there and no second text-back is sent. While PostgreSQL is down
   * the caller is answered all the same (the greeting and voicemail) and the call waits in the spool:
   * Twilio never sends these callbacks again, and a 503 would only play Twilio's error message.
   */
  private String missed(WebhookReceipt receipt, VoiceCall call, String reason) {
    spool.record(receipt, () -> {
      String eventKey = "call-missed:" + call.callSid();
      // the caller's own call is what lets the business text back: kept with what the greeting said
      call.callerE164().ifPresent(phone -> consent.record(call.business().id(), phone, new ConsentRecord(ConsentRecord.CALL,
          call.callSid(), receipt.receivedAt(), call.business().spokenGreeting(), null, null)));
      var open = call.callerE164().flatMap(phone -> conversations.findOpen(call.business().id(), phone));
      if (open.isPresent()) {
        if (events.storeIfNew(VoiceJourneyMessages.recordOnly(eventKey, "repeat-call", call))) {
          conversations.recordRepeatCall(open.get().id(), call.callSid(), reason);
        }
        LOG.info("Call {} from {} for {}: missed again during an open conversation; no second text",
            call.callSid(), PhoneNumbers.mask(call.rawFrom()), call.business().id());
      } else {
        store(VoiceJourneyMessages.callMissed(eventKey, call, reason, receipt.receivedAt()));
        LOG.info("Call {} from {} for {}: missed ({})", call.callSid(), PhoneNumbers.mask(call.rawFrom()),
            call.business().id(), reason);
      }
    });
    return greetingAndRecord(call.business());
  }

  private WebhookReceipt live(String path, HttpServletRequest request) {
    return WebhookReceipt.live(path, verifier.verify(request), clock.instant());
  }

  private VoiceCall read(Map<String, String> params) {
    String to = VoiceCall.required(params, "To");
    Business business = phones.toE164(to, "US").flatMap(businesses::byTwilioNumber)
        .orElseThrow(() -> new RequestRejectedException(HttpStatus.NOT_FOUND,
            "no business has the number ending " + PhoneNumbers.mask(to) + "; add it to textback.businesses"));
    return VoiceCall.read(params, business, phones);
  }

  /**
   * A callback without To and From, read as part of the call its CallSid names: the parties come
   * from the call's first stored callback.
   */
  private VoiceCall knownCall(Map<String, String> params) {
    String callSid = TwilioIds.require("CallSid", params.get("CallSid"), TwilioIds.CALL, "call");
    Map<String, String> call = events.firstPayload(List.of("incoming:" + callSid, "call-missed:" + callSid, "dial-status:" + callSid))
        .orElseThrow(() -> new RequestRejectedException(HttpStatus.NOT_FOUND,
            "no call " + callSid + " is known here: a recording status callback is matched to its call by CallSid"));
    Map<String, String> merged = new HashMap<>(params);
    for (String party : List.of("To", "From")) {
      if (call.get(party) != null) {
        merged.putIfAbsent(party, call.get(party));
      }
    }
    return read(merged);
  }

  private void store(InboundEvent event) {
    if (events.storeIfNew(event)) {
      event.message().ifPresent(m -> relay.wake());
    } else {
      LOG.info("Repeat of {} dropped", event.eventKey());
    }
  }

  private String greetingAndRecord(Business business) {
    return TwiML.response().say(business.spokenGreeting())
        .record(baseUrl + RECORDING_PATH, baseUrl + RECORDING_PATH, MAX_VOICEMAIL_SECONDS).toXml();
  }

  private static int parseSeconds(String value) {
    try {
      return value == null ? 0 : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "RecordingDuration is not a number");
    }
  }

  /** RecordingSid, or the last segment of RecordingUrl (the Record action may carry only the URL). */
  private static String recordingSid(Map<String, String> params, String recordingUrl) {
    String sid = params.get("RecordingSid");
    if (sid != null && !sid.isBlank()) {
      return TwilioIds.require("RecordingSid", sid, TwilioIds.RECORDING, "recording");
    }
    if (recordingUrl == null || recordingUrl.isBlank()) {
      return null;
    }
    String last = recordingUrl.substring(recordingUrl.lastIndexOf('/') + 1).replaceAll("\\..*$", "");
    return TwilioIds.RECORDING.matcher(last).matches() ? last : null;
  }
}
