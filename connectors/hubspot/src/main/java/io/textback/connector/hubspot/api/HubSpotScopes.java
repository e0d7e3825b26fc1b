package io.textback.connector.hubspot.api;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OAuth scope each HubSpot call textback makes needs (shared/reference/hubspot.md, sections 1
 * and 3). The HubSpot app asks for exactly these: a test compares them with hubspot-app's
 * app-hsmeta.json and checks every Feign call is listed here.
 */
public final class HubSpotScopes {
  private HubSpotScopes() {}

  private static final String CRM = HubSpotCrmApi.VERSION;
  private static final String CHANNELS = HubSpotConversationsApi.CUSTOM_CHANNELS_VERSION;

  /** "METHOD path" as in the Feign interfaces → the scope it needs. Calls, tasks and communications ride on contacts. */
  public static final Map<String, String> BY_CALL = Map.ofEntries(
      Map.entry("POST /crm/objects/" + CRM + "/contacts/search", "crm.objects.contacts.read"),
      Map.entry("POST /crm/objects/" + CRM + "/contacts", "crm.objects.contacts.write"),
      Map.entry("PATCH /crm/objects/" + CRM + "/contacts/{id}", "crm.objects.contacts.write"),
      Map.entry("POST /crm/objects/" + CRM + "/calls", "crm.objects.contacts.write"),
      Map.entry("POST /crm/objects/" + CRM + "/tasks", "crm.objects.contacts.write"),
      Map.entry("POST /crm/objects/" + CRM + "/communications", "crm.objects.contacts.write"),
      Map.entry("POST /crm/objects/" + CRM + "/0-3", "crm.objects.deals.write"),
      Map.entry("POST /conversations/custom-channels/" + CHANNELS + "/{channelId}/messages", "conversations.custom_channels.write"),
      Map.entry("PATCH /conversations/custom-channels/" + CHANNELS + "/{channelId}/messages/{messageId}",
          "conversations.custom_channels.write"),
      Map.entry("GET /conversations/custom-channels/" + CHANNELS + "/{channelId}/channel-accounts",
          "conversations.custom_channels.read"),
      Map.entry("POST /conversations/custom-channels/" + CHANNELS + "/{channelId}/channel-accounts",
          "conversations.custom_channels.write"),
      Map.entry("GET /conversations/conversations/" + HubSpotConversationsApi.INBOX_VERSION + "/inboxes", "conversations.read"));

  /** Every scope textback uses. */
  public static Set<String> required() {
    return new TreeSet<>(BY_CALL.values());
  }
}
