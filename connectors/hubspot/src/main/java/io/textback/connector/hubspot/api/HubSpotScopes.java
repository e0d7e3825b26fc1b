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

  /** "METHOD path" as in the Feign interfaces → the scope it needs. Calls, tasks and communications ride on contacts. */
  public static final Map<String, String> BY_CALL = Map.ofEntries(
      Map.entry("POST /crm/objects/{version}/contacts/search", "crm.objects.contacts.read"),
      Map.entry("POST /crm/objects/{version}/contacts", "crm.objects.contacts.write"),
      Map.entry("PATCH /crm/objects/{version}/contacts/{id}", "crm.objects.contacts.write"),
      Map.entry("POST /crm/objects/{version}/calls", "crm.objects.contacts.write"),
      Map.entry("POST /crm/objects/{version}/tasks", "crm.objects.contacts.write"),
      Map.entry("POST /crm/objects/{version}/communications", "crm.objects.contacts.write"),
      Map.entry("POST /crm/objects/{version}/0-3", "crm.objects.deals.write"),
      Map.entry("POST /conversations/custom-channels/{version}/{channelId}/messages", "conversations.custom_channels.write"),
      Map.entry("PATCH /conversations/custom-channels/{version}/{channelId}/messages/{messageId}",
          "conversations.custom_channels.write"),
      Map.entry("GET /conversations/custom-channels/{version}/{channelId}/channel-accounts",
          "conversations.custom_channels.read"),
      Map.entry("POST /conversations/custom-channels/{version}/{channelId}/channel-accounts",
          "conversations.custom_channels.write"),
      Map.entry("GET /conversations/conversations/{version}/inboxes", "conversations.read"));

  /** Every scope textback uses. */
  public static Set<String> required() {
    return new TreeSet<>(BY_CALL.values());
  }
}
