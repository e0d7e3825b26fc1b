package io.textback.worker.sms;

import io.textback.connector.twilio.twiml.TwiML;
import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.crm.CrmThreads;
import io.textback.worker.conversation.Conversation;
import io.textback.worker.conversation.ConversationStore;
import io.textback.worker.copy.CopyCase;
import io.textback.worker.inbound.InboundEvent;
import io.textback.worker.inbound.InboundEventStore;
import io.textback.worker.inbound.MessageRelay;
import io.textback.worker.inbound.PendingMessage;
import io.textback.worker.optout.OptOutStore;
import io.textback.worker.phone.PhoneNumbers;
import io.textback.worker.webhook.TwilioIds;
import io.textback.worker.webhook.TwilioWebhookVerifier;
import io.textback.worker.web.RequestRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Texts from leads. STOP and its synonyms opt out at once (and end the conversation); START opts back
 * in; HELP answers with the business's name and number; anything else is a reply. Input Twilio
 * cannot fix by retrying (unknown number, a From that is not a phone number, an empty text) is
 * logged and answered 200, so Twilio does not retry it.
 */
@RestController
public class InboundSmsController {
  public static final String PATH = "/webhooks/twilio/sms";
  private static final Logger LOG = LoggerFactory.getLogger(InboundSmsController.class);
  /** A reply waits this long for a conversation to pick it up (it may beat the conversation's start). */
  static final Duration REPLY_TTL = Duration.ofMinutes(10);
  private static final String EMPTY = TwiML.response().toXml();

  private final TwilioWebhookVerifier verifier;
  private final BusinessDirectory businesses;
  private final PhoneNumbers phones;
  private final InboundEventStore events;
  private final MessageRelay relay;
  private final OptOutStore optOuts;
  private final ConversationStore conversations;
  private final CrmThreads crmThreads;
  private final Clock clock;

  public InboundSmsController(TwilioWebhookVerifier verifier, BusinessDirectory businesses, PhoneNumbers phones,
      InboundEventStore events, MessageRelay relay, OptOutStore optOuts, ConversationStore conversations, CrmThreads crmThreads,
      Clock clock) {
    this.verifier = verifier;
    this.businesses = businesses;
    this.phones = phones;
    this.events = events;
    this.relay = relay;
    this.optOuts = optOuts;
    this.conversations = conversations;
    this.crmThreads = crmThreads;
    this.clock = clock;
  }

  @PostMapping(path = PATH, produces = "application/xml")
  public String inbound(HttpServletRequest request) {
    Map<String, String> params = verifier.verify(request);
    String sid = TwilioIds.require("MessageSid", params.get("MessageSid"), TwilioIds.MESSAGE, "message");
    String eventKey = "sms:" + sid;
    Optional<Business> business = phones.toE164(params.get("To"), "US").flatMap(businesses::byTwilioNumber);
    if (business.isEmpty()) {
      return ignored(eventKey, params, "no business has the number ending " + PhoneNumbers.mask(params.get("To")));
    }
    String raw = params.getOrDefault("From", "");
    if (!raw.matches("\\+[1-9]\\d{6,14}")) {
      return ignored(eventKey, params, "From is not an E.164 number (ending " + PhoneNumbers.mask(raw) + ")");
    }
    String from = raw;
    String body = params.getOrDefault("Body", "");
    String leadKey = business.get().leadKey(from);
    Keywords keyword = Keywords.of(body);
    if (body.isBlank() && "0".equals(params.getOrDefault("NumMedia", "0").trim())) {
      return ignored(eventKey, params, "empty text from " + PhoneNumbers.mask(from));
    }
    return switch (keyword) {
      case OPT_OUT -> optOut(eventKey, params, business.get(), from, leadKey, sid);
      case OPT_IN -> optIn(eventKey, params, business.get(), from);
      case HELP -> help(eventKey, params, business.get(), from);
      case NONE -> reply(eventKey, params, business.get(), from, leadKey, sid, body);
    };
  }

  private String optOut(String key, Map<String, String> params, Business business, String from, String leadKey, String sid) {
    if (events.hasMessage("lead-opted-out", sid)) {
      // A repeat of a STOP already honoured changes nothing: replayed after a START, it must not
      // opt the lead out again.
      LOG.info("Repeat of {} dropped", key);
      return EMPTY;
    }
    // The opt-out row is written before the event: from now on no text goes out, whatever the engine does.
    optOuts.optOut(business.id(), from, "sms:" + sid);
    if (events.storeIfNew(new InboundEvent("twilio", key, "sms-opt-out", params, Optional.of(
        new PendingMessage("lead-opted-out", leadKey, sid, Duration.ZERO, Map.of("optedOutAt", clock.instant().toString())))))) {
      relay.wake();
    }
    crmThreads.consentChanged(business, from, true, sid, clock.instant());
    LOG.info("{} opted out of {}", PhoneNumbers.mask(from), business.id());
    return EMPTY;
  }

  private String optIn(String key, Map<String, String> params, Business business, String from) {
    if (events.storeIfNew(new InboundEvent("twilio", key, "sms-opt-in", params, Optional.empty()))) {
      optOuts.optIn(business.id(), from);
      crmThreads.consentChanged(business, from, false, params.get("MessageSid"), clock.instant());
      LOG.info("{} opted back in to {}", PhoneNumbers.mask(from), business.id());
    }
    return EMPTY;
  }

  private String help(String key, Map<String, String> params, Business business, String from) {
    events.storeIfNew(new InboundEvent("twilio", key, "sms-help", params, Optional.empty()));
    return TwiML.response().message(business.copy().render(CopyCase.HELP, Map.of())).toXml();
  }

  private String reply(String key, Map<String, String> params, Business business, String from, String leadKey,
      String sid, String body) {
    Optional<Conversation> open = conversations.findOpen(business.id(), from);
    boolean isNew = events.storeIfNew(new InboundEvent("twilio", key, "sms-reply", params, Optional.of(
        new PendingMessage("lead-replied", leadKey, sid, REPLY_TTL,
            Map.of("lastReplyAt", clock.instant().toString())))));
    if (isNew) {
      crmThreads.received(business, from, body, sid, clock.instant());
      conversations.addMessage(open.map(Conversation::id).orElse(null), business.id(), from, "IN", body, sid, "reply");
      open.ifPresent(c -> conversations.recordLeadReply(c.id()));
      relay.wake();
      LOG.info("Reply from {} to {} ({} chars){}", PhoneNumbers.mask(from), business.id(), body.length(),
          open.isPresent() ? "" : " with no open conversation");
    }
    return EMPTY;
  }

  private String ignored(String key, Map<String, String> params, String why) {
    events.storeIfNew(new InboundEvent("twilio", key, "sms-ignored", params, Optional.empty()));
    LOG.warn("Inbound SMS {} ignored: {}", key, why);
    return EMPTY;
  }
}
