package io.textback.connector.hubspot.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The bodies textback sends to and reads from HubSpot (only the fields it uses). */
public final class HubSpotModel {
  private HubSpotModel() {}

  /** A CRM object: contact, call, deal, task, communication. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CrmObject(String id, Map<String, String> properties) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record CrmObjectInput(Map<String, String> properties, List<Association> associations) {
    public static CrmObjectInput of(Map<String, String> properties) {
      return new CrmObjectInput(properties, List.of());
    }
  }

  /** An association created with the object: to the object with this id, of a HubSpot-defined type. */
  public record Association(To to, List<AssociationType> types) {
    public static Association to(String id, int hubspotDefinedTypeId) {
      return new Association(new To(id), List.of(new AssociationType("HUBSPOT_DEFINED", hubspotDefinedTypeId)));
    }
  }

  public record To(String id) {}

  public record AssociationType(String associationCategory, int associationTypeId) {}

  public record SearchRequest(List<FilterGroup> filterGroups, List<String> properties, int limit) {}

  public record FilterGroup(List<Filter> filters) {}

  public record Filter(String propertyName, String operator, String value) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SearchResponse(int total, List<CrmObject> results) {
    public SearchResponse {
      results = results == null ? List.of() : results;
    }
  }

  /**
   * A message published into a custom channel (an SMS shown in the HubSpot inbox thread). HubSpot
   * types {@code associateWithContactId} as an int64 (custom channels 2026-03 spec), so it is sent as
   * a number, and left out when the contact is not known yet.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ChannelMessage(
      String channelAccountId,
      String messageDirection,
      List<Party> senders,
      List<Party> recipients,
      String text,
      String timestamp,
      List<Object> attachments,
      String integrationThreadId,
      String integrationIdempotencyId,
      Long associateWithContactId) {

    /** HubSpot's record ids are numbers written as strings; anything else cannot be associated. */
    public static Long contactId(String id) {
      return id != null && id.matches("\\d{1,18}") ? Long.valueOf(id) : null;
    }
  }

  /** A sender or recipient; HubSpot types {@code name} as a string, so an unknown name is left out. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Party(DeliveryIdentifier deliveryIdentifier, String name) {
    public static Party phone(String e164, String name) {
      return new Party(new DeliveryIdentifier("HS_PHONE_NUMBER", e164), name);
    }
  }

  public record DeliveryIdentifier(String type, String value) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PublishedMessage(String id, String conversationsThreadId) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MessageStatus(String statusType, String errorMessage) {}

  /** The SMS custom channel as HubSpot knows it (registration and listing). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Channel(String id, String name, String webhookUrl, String channelDescription,
      Map<String, Object> capabilities) {}

  /** A business number connected to an inbox in the channel. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ChannelAccount(String id, String name, String inboxId, Boolean authorized,
      DeliveryIdentifier deliveryIdentifier) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Inbox(String id, String name) {}

  /** HubSpot's list answers: {"results": [...]}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Results<T>(List<T> results) {
    public Results {
      results = results == null ? List.of() : results;
    }
  }

  /** HubSpot's error body; every field may be missing. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ErrorBody(String status, String message, String correlationId, String category, String errorType,
      String policyName, List<ErrorDetail> errors) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ErrorDetail(String message, String code) {}
}
