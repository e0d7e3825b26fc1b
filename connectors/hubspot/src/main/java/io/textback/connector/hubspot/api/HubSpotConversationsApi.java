package io.textback.connector.hubspot.api;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.textback.connector.hubspot.api.HubSpotModel.ChannelMessage;
import io.textback.connector.hubspot.api.HubSpotModel.MessageStatus;
import io.textback.connector.hubspot.api.HubSpotModel.PublishedMessage;

/**
 * The conversations custom channel that carries the SMS thread in the HubSpot inbox, and the inbox
 * list. Each API family has its own published versions: custom channels 2026-03 (and 2026-09), the
 * inbox API only v3, 2026-09 and 2026-09-beta (shared/reference/specs/hubspot).
 */
@Headers("Content-Type: application/json")
public interface HubSpotConversationsApi {
  String CUSTOM_CHANNELS_VERSION = "2026-03";
  String INBOX_VERSION = "2026-09";

  @RequestLine("POST /conversations/custom-channels/" + CUSTOM_CHANNELS_VERSION + "/{channelId}/messages")
  PublishedMessage publish(@Param("channelId") String channelId, ChannelMessage message);

  @RequestLine("GET /conversations/custom-channels/" + CUSTOM_CHANNELS_VERSION + "/{channelId}/channel-accounts")
  HubSpotModel.Results<HubSpotModel.ChannelAccount> channelAccounts(@Param("channelId") String channelId);

  @RequestLine("POST /conversations/custom-channels/" + CUSTOM_CHANNELS_VERSION + "/{channelId}/channel-accounts")
  HubSpotModel.ChannelAccount connectAccount(@Param("channelId") String channelId,
      HubSpotModel.ChannelAccount account);

  @RequestLine("GET /conversations/conversations/" + INBOX_VERSION + "/inboxes")
  HubSpotModel.Results<HubSpotModel.Inbox> inboxes();

  @RequestLine("PATCH /conversations/custom-channels/" + CUSTOM_CHANNELS_VERSION + "/{channelId}/messages/{messageId}")
  void setStatus(@Param("channelId") String channelId,
      @Param("messageId") String messageId, MessageStatus status);
}
