package io.textback.connector.hubspot.api;

import feign.RetryableException;
import io.textback.connector.hubspot.api.HubSpotModel.Association;
import io.textback.connector.hubspot.api.HubSpotModel.ChannelMessage;
import io.textback.connector.hubspot.api.HubSpotModel.CrmObject;
import io.textback.connector.hubspot.api.HubSpotModel.CrmObjectInput;
import io.textback.connector.hubspot.api.HubSpotModel.Filter;
import io.textback.connector.hubspot.api.HubSpotModel.FilterGroup;
import io.textback.connector.hubspot.api.HubSpotModel.MessageStatus;
import io.textback.connector.hubspot.api.HubSpotModel.PublishedMessage;
import io.textback.connector.hubspot.api.HubSpotModel.SearchRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import io.textback.crm.CrmCallRetries;

/**
 * What textback asks of one HubSpot portal. Every call takes a token from the portal's buckets;
 * a 429 waits out Retry-After and a 5xx or broken connection backs off exponentially, both up to
 * {@code maxAttempts}; anything else is thrown with HubSpot's explanation.
 */
public class HubSpotClient {
  /** HubSpot-defined association types (community-confirmed; see shared/reference/hubspot.md). */
  static final int CALL_TO_CONTACT = 194;
  static final int DEAL_TO_CONTACT = 3;
  static final int TASK_TO_CONTACT = 204;
  static final int COMMUNICATION_TO_CONTACT = 81;
  static final List<String> PHONE_PROPERTIES = List.of(
      "hs_searchable_calculated_phone_number", "hs_searchable_calculated_mobile_number");

  private final HubSpotCrmApi crm;
  private final HubSpotConversationsApi conversations;
  private final HubSpotSettings settings;
  private final PortalLimiter limiter;
  private final CrmCallRetries retries;
  private final AtomicLong calls = new AtomicLong();

  public HubSpotClient(HubSpotCrmApi crm, HubSpotConversationsApi conversations, HubSpotSettings settings,
      PortalLimiter limiter) {
    this.crm = crm;
    this.conversations = conversations;
    this.settings = settings;
    this.limiter = limiter;
    this.retries = new CrmCallRetries("HubSpot", settings.maxAttempts(), settings.initialBackoff(),
        HubSpotClient::asHubSpotFailure);
  }

  /** API calls made (attempts included): the figure the "few calls" budget is measured by. */
  public long callCount() {
    return calls.get();
  }

  /**
   * The contact with this phone number, searched on HubSpot's normalised phone properties (a plain
   * {@code phone EQ} only matches the string as typed). {@code nationalNumber} is the number without
   * the country code, which is how those properties store it.
   */
  public Optional<String> findContactIdByPhone(String nationalNumber) {
    List<FilterGroup> groups = PHONE_PROPERTIES.stream()
        .map(p -> new FilterGroup(List.of(new Filter(p, "EQ", nationalNumber)))).toList();
    var response = call(true, () -> crm.searchContacts(
        new SearchRequest(groups, List.of("phone", "firstname", "lastname"), 1)));
    return response.results().stream().findFirst().map(CrmObject::id);
  }

  /** Creates the contact; when HubSpot says it exists already (409), its id. */
  public String createContact(Map<String, String> properties) {
    try {
      return call(false, () -> crm.createContact(CrmObjectInput.of(properties))).id();
    } catch (HubSpotApiException e) {
      if (e.existingId() != null) {
        return e.existingId();
      }
      throw e;
    }
  }

  public void updateContact(String contactId, Map<String, String> properties) {
    call(false, () -> crm.updateContact(contactId, CrmObjectInput.of(properties)));
  }

  public String createCall(Map<String, String> properties, String contactId) {
    return call(false, () -> crm.createCall(
        new CrmObjectInput(properties, List.of(Association.to(contactId, CALL_TO_CONTACT))))).id();
  }

  public String createDeal(Map<String, String> properties, String contactId) {
    return call(false, () -> crm.createDeal(
        new CrmObjectInput(properties, List.of(Association.to(contactId, DEAL_TO_CONTACT))))).id();
  }

  public String createTask(Map<String, String> properties, String contactId) {
    return call(false, () -> crm.createTask(
        new CrmObjectInput(properties, List.of(Association.to(contactId, TASK_TO_CONTACT))))).id();
  }

  /** The fallback for portals without custom channels: the SMS on the contact's timeline. */
  public String createCommunication(Map<String, String> properties, String contactId) {
    return call(false, () -> crm.createCommunication(
        new CrmObjectInput(properties, List.of(Association.to(contactId, COMMUNICATION_TO_CONTACT))))).id();
  }

  public PublishedMessage publish(String channelId, ChannelMessage message) {
    return call(false, () -> conversations.publish(channelId, message));
  }

  /** The business numbers connected to the channel in this portal. */
  public java.util.List<HubSpotModel.ChannelAccount> channelAccounts(String channelId) {
    return call(false, () -> conversations.channelAccounts(channelId)).results();
  }

  public HubSpotModel.ChannelAccount connectAccount(String channelId, HubSpotModel.ChannelAccount account) {
    return call(false, () -> conversations.connectAccount(channelId, account));
  }

  public java.util.List<HubSpotModel.Inbox> inboxes() {
    return call(false, () -> conversations.inboxes()).results();
  }

  public void setMessageStatus(String channelId, String messageId, String status, String error) {
    call(false, () -> {
      conversations.setStatus(channelId, messageId, new MessageStatus(status, error));
      return null;
    });
  }

  private <T> T call(boolean search, Supplier<T> request) {
    return retries.call(() -> {
      if (search) {
        limiter.beforeSearch();
      } else {
        limiter.beforeRequest();
      }
      calls.incrementAndGet();
    }, request);
  }

  /** Feign's "no answer" (a timeout, a refused connection) as HubSpot's own failure, worth a retry. */
  private static RuntimeException asHubSpotFailure(RuntimeException e) {
    return e instanceof RetryableException
        ? new HubSpotApiException(0, "UNREACHABLE", "HubSpot did not answer: " + e.getMessage(), null, e) : e;
  }
}
