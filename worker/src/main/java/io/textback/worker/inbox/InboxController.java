package io.textback.worker.inbox;

import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.conversation.Conversation;
import io.textback.worker.conversation.ConversationStore;
import io.textback.worker.inbound.InboundEvent;
import io.textback.worker.inbound.InboundEventStore;
import io.textback.worker.inbound.MessageRelay;
import io.textback.worker.inbound.PendingMessage;
import io.textback.worker.phone.PhoneNumbers;
import io.textback.worker.web.RequestRejectedException;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The inbox a business with no CRM answers its leads in (and any business may read): the list, each
 * thread, a stream of changes, and the two things a person does besides answering (which is
 * {@code POST /api/conversations/{leadKey}/replies}): mark the lead booked, pause or resume the automation.
 */
@RestController
public class InboxController {
  private static final Logger LOG = LoggerFactory.getLogger(InboxController.class);
  private final InboxReader reader;
  private final InboxStream stream;
  private final BusinessDirectory businesses;
  private final ConversationStore conversations;
  private final InboundEventStore events;
  private final MessageRelay relay;
  private final io.textback.worker.conversation.LeadConversations leadConversations;

  public InboxController(InboxReader reader, InboxStream stream, BusinessDirectory businesses,
      ConversationStore conversations, InboundEventStore events, MessageRelay relay,
      io.textback.worker.conversation.LeadConversations leadConversations) {
    this.leadConversations = leadConversations;
    this.reader = reader;
    this.stream = stream;
    this.businesses = businesses;
    this.conversations = conversations;
    this.events = events;
    this.relay = relay;
  }

  @GetMapping("/api/inbox")
  public Inbox inbox(@RequestParam String business, @RequestParam(name = "q", required = false) String search) {
    if (search != null && search.length() > 100) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "q must be at most 100 characters");
    }
    return reader.list(businesses.requireForRequest(business), search);
  }

  @GetMapping("/api/inbox/{conversationId}")
  public InboxThread thread(@PathVariable long conversationId) {
    Conversation c = leadConversations.require(conversationId);
    Business business = businesses.byId(c.businessId()).orElseThrow(() -> noSuch(conversationId));
    return reader.thread(business, conversationId).orElseThrow(() -> noSuch(conversationId));
  }

  @GetMapping(path = "/api/inbox/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public SseEmitter stream(@RequestParam String business) {
    return stream.subscribe(businesses.requireForRequest(business).id());
  }

  /**
   * The lead booked a job (said on the phone, or in a text): the conversation ends as Booked, as a
   * CRM deal reaching the booked stage ends it. Marking it twice is one booking.
   */
  @PostMapping("/api/conversations/{leadKey}/booked")
  public Map<String, Object> booked(@PathVariable String leadKey, Principal person) {
    Conversation c = open(leadKey);
    String key = "console-booked:" + c.id();
    String who = person == null ? "" : person.getName();
    boolean isNew = events.storeIfNew(new InboundEvent("textback", key, "console-booked", Map.of("leadKey", leadKey, "by", who),
        Optional.of(new PendingMessage("lead-booked", leadKey, key, Duration.ZERO, Map.of("bookedBy", who)))));
    if (isNew) {
      relay.wake();
      LOG.info("{} marked {} booked", who, PhoneNumbers.maskLeadKey(leadKey));
    }
    return Map.of("conversationId", c.id(), "booked", true, "duplicate", !isNew);
  }

  public record AutomationRequest(Boolean paused) {}

  /** Stops (or restarts) the follow-ups and escalations for this lead while a person handles it. */
  @PostMapping("/api/conversations/{leadKey}/automation")
  public Map<String, Object> automation(@PathVariable String leadKey, @RequestBody(required = false) AutomationRequest request,
      Principal person) {
    if (request == null || request.paused() == null) {
      throw new RequestRejectedException(HttpStatus.UNPROCESSABLE_ENTITY, "send {\"paused\": true} or {\"paused\": false}");
    }
    Conversation c = open(leadKey);
    conversations.setPaused(c.businessId(), c.phone(), request.paused());
    LOG.info("{} {} the automation for {}", person == null ? "" : person.getName(), request.paused() ? "paused" : "resumed",
        PhoneNumbers.maskLeadKey(leadKey));
    return Map.of("conversationId", c.id(), "paused", request.paused());
  }

  private Conversation open(String leadKey) {
    return leadConversations.requireOpen(leadKey);
  }

  private static RequestRejectedException noSuch(long conversationId) {
    return new RequestRejectedException(HttpStatus.NOT_FOUND, "no conversation " + conversationId);
  }
}
