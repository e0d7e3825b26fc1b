package io.textback.connector.gohighlevel.api;

import feign.RetryableException;
import io.textback.connector.gohighlevel.api.HighLevelModel.CallInfo;
import io.textback.connector.gohighlevel.api.HighLevelModel.Contact;
import io.textback.connector.gohighlevel.api.HighLevelModel.ContactInput;
import io.textback.connector.gohighlevel.api.HighLevelModel.ContactUpdate;
import io.textback.connector.gohighlevel.api.HighLevelModel.ConversationInput;
import io.textback.connector.gohighlevel.api.HighLevelModel.DndChannel;
import io.textback.connector.gohighlevel.api.HighLevelModel.Message;
import io.textback.connector.gohighlevel.api.HighLevelModel.MessageError;
import io.textback.connector.gohighlevel.api.HighLevelModel.MessageInput;
import io.textback.connector.gohighlevel.api.HighLevelModel.MessageStatus;
import io.textback.connector.gohighlevel.api.HighLevelModel.NoteInput;
import io.textback.connector.gohighlevel.api.HighLevelModel.OpportunityInput;
import io.textback.connector.gohighlevel.api.HighLevelModel.TaskInput;
import io.textback.crm.CrmCallRetries;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What textback asks of one HighLevel location. Every call takes a place in the location's buckets;
 * a 429 or 5xx is tried again with backoff up to {@code maxAttempts}; anything else is thrown with
 * HighLevel's explanation.
 */
public class HighLevelClient {
  private final String locationId;
  private final HighLevelContactsApi contacts;
  private final HighLevelConversationsApi conversations;
  private final HighLevelOpportunitiesApi opportunities;
  private final LocationLimiter limiter;
  private final CrmCallRetries retries;
  private final AtomicLong calls = new AtomicLong();

  public HighLevelClient(String locationId, HighLevelContactsApi contacts, HighLevelConversationsApi conversations,
      HighLevelOpportunitiesApi opportunities, HighLevelSettings settings, LocationLimiter limiter) {
    this.locationId = locationId;
    this.contacts = contacts;
    this.conversations = conversations;
    this.opportunities = opportunities;
    this.limiter = limiter;
    this.retries = new CrmCallRetries("HighLevel", settings.maxAttempts(), settings.initialBackoff(),
        HighLevelClient::asHighLevelFailure);
  }

  public String locationId() {
    return locationId;
  }

  /** API calls made (attempts included). */
  public long callCount() {
    return calls.get();
  }

  /** The contact HighLevel's duplicate rule finds for this E.164 number, if any. */
  public Optional<Contact> findContactByPhone(String e164) {
    return Optional.ofNullable(call(() -> contacts.searchDuplicate(locationId, e164)).contact());
  }

  /** Creates the contact, or updates the one the location's duplicate rule matches; its id. */
  public String upsertContact(String phone, String firstName, String lastName, String email, String source) {
    return call(() -> contacts.upsert(new ContactInput(locationId, phone, firstName, lastName, email, source, null)))
        .contact().id();
  }

  public Contact contact(String contactId) {
    return call(() -> contacts.get(contactId)).contact();
  }

  /** Sets the contact's SMS do-not-disturb on (after a STOP) or off (after a START), saying why. */
  public void setSmsDoNotDisturb(String contactId, boolean on, String why) {
    call(() -> contacts.update(contactId, new ContactUpdate(null,
        Map.of("SMS", new DndChannel(on ? "active" : "inactive", why, null)))));
  }

  public String addNote(String contactId, String body, String userId) {
    return call(() -> contacts.addNote(contactId, new NoteInput(body, userId))).note().id();
  }

  public String addTask(String contactId, String title, String body, String dueDate, String assignedTo) {
    return call(() -> contacts.addTask(contactId, new TaskInput(title, body, dueDate, false, assignedTo))).task().id();
  }

  /** The contact's conversation (HighLevel keeps one per contact), created when there is none yet. */
  public String conversationOf(String contactId) {
    var found = call(() -> conversations.search(locationId, contactId)).conversations();
    if (found != null && !found.isEmpty()) {
      return found.get(0).id();
    }
    return call(() -> conversations.create(new ConversationInput(locationId, contactId))).conversation().id();
  }

  /** A text in the conversation through the location's conversation provider: inbound (the lead's) or outbound. */
  public String addText(String conversationId, String contactId, String providerId, String text, String direction,
      String at, String altId) {
    return call(() -> conversations.addMessage(new MessageInput("SMS", conversationId, contactId, providerId, text, at,
        direction, altId, null))).messageId();
  }

  /** A call in the conversation through the location's call provider. */
  public String addCall(String conversationId, String contactId, String providerId, CallInfo call, String at,
      String altId) {
    return call(() -> conversations.addMessage(new MessageInput("Call", conversationId, contactId, providerId, null, at,
        "inbound", altId, call))).messageId();
  }

  /** The delivery status of a message HighLevel handed to textback's provider: delivered or failed (with why). */
  public void setMessageStatus(String messageId, String status, MessageError error) {
    call(() -> {
      conversations.setStatus(messageId, new MessageStatus(status, error));
      return null;
    });
  }

  public Message message(String messageId) {
    return call(() -> conversations.message(messageId));
  }

  /** An open opportunity for the contact in the pipeline, at the stage; its id. */
  public String createOpportunity(String pipelineId, String stageId, String name, String contactId, String assignedTo) {
    return call(() -> opportunities.create(new OpportunityInput(pipelineId, locationId, name, "open", contactId,
        stageId, assignedTo))).opportunity().id();
  }

  private <T> T call(Supplier<T> request) {
    return retries.call(() -> {
      limiter.beforeRequest();
      calls.incrementAndGet();
    }, request);
  }

  /** Feign's "no answer" (a timeout, a refused connection) as HighLevel's own failure, worth a retry. */
  private static RuntimeException asHighLevelFailure(RuntimeException e) {
    return e instanceof RetryableException
        ? new HighLevelApiException(0, "HighLevel did not answer: " + e.getMessage(), null, e) : e;
  }
}
