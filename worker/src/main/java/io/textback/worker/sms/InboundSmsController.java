package io.textback.worker.sms;

import io.textback.connector.twilio.twiml.TwiML;
import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.crm.CrmThreads;
import io.textback.worker.consent.ConsentEvidence;
import io.textback.worker.consent.ConsentRecord;
import io.textback.worker.conversation.Conversation;
import io.textback.worker.conversation.ConversationStore;
import io.textback.worker.copy.CopyCase;
import io.textback.worker.inbound.InboundEvent;
import io.textback.worker.inbound.InboundEventStore;
import io.textback.worker.inbound.MessageRelay;
import io.textback.worker.inbound.PendingMessage;
import io.textback.worker.optout.ConsentRevocations;
import io.textback.worker.optout.OptOutStore;
import io.textback.worker.optout.RevocationReader;
import io.textback.worker.phone.PhoneNumbers;
import io.textback.worker.spool.SpooledWebhooks;
import io.textback.worker.spool.WebhookReceipt;
import io.textback.worker.spool.WebhookSpool;
import io.textback.worker.webhook.TwilioIds;
import io.textback.worker.webhook.TwilioWebhookVerifier;
import io.textback.worker.web.RequestRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Texts from leads. Each is first read for a revoked consent, in any words ({@link RevocationReader}):
 * STOP and its synonyms, and "please stop texting me" or "no más mensajes", opt out at once (and end
 * the conversation); a revocation in the lead's own words gets one confirmation, in the answer (Twilio
 * confirms its own keywords). A doubtful text ("not interested") is a reply that pauses the automation
 * until a person decides. START opts back in; HELP answers with the business's name and number;
 * anything else is a reply. Input Twilio
 * cannot fix by retrying (unknown number, a From that is not a phone number, an empty text) is
 * logged and answered 200, so Twilio does not retry it. While PostgreSQL is down the text is
 * spooled to disk and read when it is back (Twilio does not send it again).
 */
@RestController
public class InboundSmsController implements SpooledWebhooks {
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
  private final RevocationReader reader;
  private final ConsentEvidence consent;
  private final ConsentRevocations revocations;
  private final Clock clock;
  private final WebhookSpool spool;

  public InboundSmsController(TwilioWebhookVerifier verifier, BusinessDirectory businesses, PhoneNumbers phones,
      InboundEventStore events, MessageRelay relay, OptOutStore optOuts, ConversationStore conversations, CrmThreads crmThreads,
      RevocationReader reader, ConsentRevocations revocations, ConsentEvidence consent, Clock clock, WebhookSpool spool) {
    this.spool = spool;
    this.verifier = verifier;
    this.businesses = businesses;
    this.phones = phones;
    this.events = events;
    this.relay = relay;
    this.optOuts = optOuts;
    this.conversations = conversations;
    this.crmThreads = crmThreads;
    this.reader = reader;
    this.consent = consent;
    this.revocations = revocations;
    this.clock = clock;
  }

  @PostMapping(path = PATH, produces = "application/xml")
  public String inbound(HttpServletRequest request) {
    WebhookReceipt receipt = WebhookReceipt.live(PATH, verifier.verify(request), clock.instant());
    TwilioIds.require("MessageSid", receipt.params().get("MessageSid"), TwilioIds.MESSAGE, "message");
    return spool.answer(receipt, () -> inbound(receipt), () -> answerWithoutDatabase(receipt.params()));
  }

  /** Replayed from the spool: the same work as live, its answer already given. */
  @Override
  public Map<String, Consumer<WebhookReceipt>> replayByPath() {
    return Map.of(PATH, this::inbound);
  }

  String inbound(WebhookReceipt receipt) {
    Map<String, String> params = receipt.params();
    Instant at = receipt.receivedAt();
    String sid = TwilioIds.require("MessageSid", params.get("MessageSid"), TwilioIds.MESSAGE, "message");
    String eventKey = "sms:" + sid;
    Optional<Business> business = businessFor(params);
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
    if (body.isBlank() && "0".equals(params.getOrDefault("NumMedia", "0").trim())) {
      return ignored(eventKey, params, "empty text from " + PhoneNumbers.mask(from));
    }
    RevocationReader.Reading reading = reader.read(body, business.get().compliance().optOutPhrases());
    if (reading.revoked()) {
      return optOut(eventKey, params, business.get(), from, sid, body, reading);
    }
    return switch (Keywords.of(body)) {
      // the reader knows every keyword; should its data lose one, the keyword still opts out
      case OPT_OUT -> optOut(eventKey, params, business.get(), from, sid, body,
          new RevocationReader.Reading(RevocationReader.Verdict.REVOKED, body.strip()));
      case OPT_IN -> optIn(eventKey, params, business.get(), from, at);
      case HELP -> help(eventKey, params, business.get(), from);
      case NONE -> reply(eventKey, params, business.get(), from, leadKey, sid, body, reading, at);
    };
  }

  /**
   * The answer while the text waits in the spool, from what needs no database: HELP's text, and the
   * confirmation of a revocation in the lead's own words (Twilio confirms its keywords). Whether the
   * lead had opted out before is not known then, so such a lead may get a second confirmation.
   */
  private String answerWithoutDatabase(Map<String, String> params) {
    Optional<Business> business = businessFor(params);
    String body = params.getOrDefault("Body", "");
    if (business.isEmpty() || body.isBlank()) {
      return EMPTY;
    }
    RevocationReader.Reading reading = reader.read(body, business.get().compliance().optOutPhrases());
    Keywords keyword = Keywords.of(body);
    if (reading.revoked() || keyword == Keywords.OPT_OUT) {
      return keyword == Keywords.OPT_OUT ? EMPTY
          : TwiML.response().message(business.get().copy().render(CopyCase.OPT_OUT, Map.of())).toXml();
    }
    return keyword == Keywords.HELP ? TwiML.response().message(business.get().copy().render(CopyCase.HELP, Map.of())).toXml()
        : EMPTY;
  }

  /** The business whose Twilio number the text was sent to. */
  private Optional<Business> businessFor(Map<String, String> params) {
    return phones.toE164(params.get("To"), "US").flatMap(businesses::byTwilioNumber);
  }

  private String optOut(String key, Map<String, String> params, Business business, String from, String sid, String body,
      RevocationReader.Reading reading) {
    boolean already = optOuts.isOptedOut(business.id(), from);
    if (!revocations.revoke(business, from, new ConsentRevocations.Source("twilio", key, "sms-opt-out", params, sid,
        "sms:" + sid), true)) {
      LOG.info("Repeat of {} dropped", key);
      return EMPTY;
    }
    LOG.info("{} opted out of {} (\"{}\")", PhoneNumbers.mask(from), business.id(), reading.matched());
    if (already || Keywords.of(body) == Keywords.OPT_OUT) {
      // at most one confirmation; Twilio answers its own keywords itself
      return EMPTY;
    }
    String confirmation = business.copy().render(CopyCase.OPT_OUT, Map.of());
    conversations.addMessage(null, business.id(), from, "OUT", confirmation, "opt-out:" + sid, "opt-out-confirmation");
    return TwiML.response().message(confirmation).toXml();
  }

  private String optIn(String key, Map<String, String> params, Business business, String from, Instant at) {
    if (events.storeIfNew(new InboundEvent("twilio", key, "sms-opt-in", params, Optional.empty()))) {
      optOuts.optIn(business.id(), from);
      crmThreads.consentChanged(business, from, false, params.get("MessageSid"), at);
      LOG.info("{} opted back in to {}", PhoneNumbers.mask(from), business.id());
    }
    return EMPTY;
  }

  private String help(String key, Map<String, String> params, Business business, String from) {
    events.storeIfNew(new InboundEvent("twilio", key, "sms-help", params, Optional.empty()));
    return TwiML.response().message(business.copy().render(CopyCase.HELP, Map.of())).toXml();
  }

  private String reply(String key, Map<String, String> params, Business business, String from, String leadKey,
      String sid, String body, RevocationReader.Reading reading, Instant at) {
    Optional<Conversation> open = conversations.findOpen(business.id(), from);
    boolean isNew = events.storeIfNew(new InboundEvent("twilio", key, "sms-reply", params, Optional.of(
        new PendingMessage("lead-replied", leadKey, sid, REPLY_TTL,
            Map.of("lastReplyAt", at.toString())))));
    if (isNew) {
      crmThreads.received(business, from, body, sid, at);
      consent.record(business.id(), from, new ConsentRecord(ConsentRecord.TEXT, sid, at, body, null, null));
      conversations.addMessage(open.map(Conversation::id).orElse(null), business.id(), from, "IN", body, sid, "reply");
      open.ifPresent(c -> conversations.recordLeadReply(c.id()));
      if (reading.verdict() == RevocationReader.Verdict.DOUBTFUL) {
        // a person decides whether the lead meant "stop texting me"; until then nothing automatic reaches them
        open.ifPresent(c -> conversations.pauseForReview(c.id(), "possible opt-out: \"" + reading.matched() + "\""));
        LOG.info("Text from {} may revoke consent (\"{}\"): automation paused for a person to decide",
            PhoneNumbers.mask(from), reading.matched());
      }
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
