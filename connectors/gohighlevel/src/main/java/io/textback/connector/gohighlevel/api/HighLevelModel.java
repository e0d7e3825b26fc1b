package io.textback.connector.gohighlevel.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The request and response bodies textback uses, as HighLevel's v2 specs write them (shared/reference/specs/gohighlevel). */
public final class HighLevelModel {
  private HighLevelModel() {}

  /** A contact, the fields textback reads; {@code dndSettings} by channel (SMS, Call, Email, ...). */
  public record Contact(String id, String locationId, String phone, String firstName, String lastName, String email,
      Boolean dnd, Map<String, DndChannel> dndSettings) {
    /** Whether the contact's SMS is do-not-disturb in HighLevel (all channels, or SMS). */
    public boolean smsDoNotDisturb() {
      DndChannel sms = dndSettings == null ? null : dndSettings.get("SMS");
      return Boolean.TRUE.equals(dnd) || (sms != null && ("active".equals(sms.status()) || "permanent".equals(sms.status())));
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DndChannel(String status, String message, String code) {}

  public record DuplicateResult(Contact contact) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ContactInput(String locationId, String phone, String firstName, String lastName, String email,
      String source, List<String> tags) {}

  public record UpsertResult(@JsonProperty("new") Boolean created, Contact contact, String traceId) {}

  public record ContactResult(Contact contact) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ContactUpdate(Boolean dnd, Map<String, DndChannel> dndSettings) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record NoteInput(String body, String userId) {}

  public record Note(String id, String body) {}

  public record NoteResult(Note note) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TaskInput(String title, String body, String dueDate, Boolean completed, String assignedTo) {}

  public record Task(String id, String title) {}

  public record TaskResult(Task task) {}

  public record Conversation(String id, String contactId, String locationId) {}

  public record ConversationSearch(List<Conversation> conversations, Integer total) {}

  public record ConversationInput(String locationId, String contactId) {}

  public record ConversationCreated(Boolean success, Conversation conversation) {}

  /** A call in a message: to, from (E.164) and its status (no-answer, voicemail, completed, ...). */
  public record CallInfo(String to, String from, String status) {}

  /**
   * A message added to the contact's conversation ("Add an inbound message"): type SMS or Call,
   * direction inbound (the lead's) or outbound (textback sent it), altId textback's own id for it.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MessageInput(String type, String conversationId, String contactId, String conversationProviderId,
      String message, String date, String direction, String altId, CallInfo call) {}

  public record MessageAdded(Boolean success, String conversationId, String messageId, String message,
      String contactId) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MessageError(String code, String type, String message) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MessageStatus(String status, MessageError error) {}

  /** A message as HighLevel stores it (the fields a delivery is checked against); the spec types {@code type} as a number. */
  public record Message(String id, String messageType, String locationId, String contactId, String conversationId,
      String body, String direction, String status, String conversationProviderId) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record OpportunityInput(String pipelineId, String locationId, String name, String status, String contactId,
      String pipelineStageId, String assignedTo) {}

  public record Opportunity(String id, String name, String pipelineId, String pipelineStageId, String status,
      String contactId) {}

  public record OpportunityResult(Opportunity opportunity) {}

  /** The token endpoint's answer (authorization code or refresh). */
  public record Token(@JsonProperty("access_token") String accessToken, @JsonProperty("refresh_token") String refreshToken,
      @JsonProperty("expires_in") Long expiresIn, String locationId, String companyId, String userType, String scope) {}
}
