package io.textback.connector.hubspot.api;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.textback.connector.hubspot.api.HubSpotModel.ChannelMessage;
import io.textback.connector.hubspot.api.HubSpotModel.MessageStatus;
import io.textback.connector.hubspot.api.HubSpotModel.PublishedMessage;

/** The conversations custom channel that carries the SMS thread in the HubSpot inbox. */
@Headers("Content-Type: application/json")
public interface HubSpotConversationsApi {
  @RequestLine("POST /conversations/custom-channels/{version}/{channelId}/messages")
  PublishedMessage publish(@Param("version") String version, @Param("channelId") String channelId, ChannelMessage message);

  @RequestLine("GET /conversations/custom-channels/{version}/{channelId}/channel-accounts")
  HubSpotModel.Results<HubSpotModel.ChannelAccount> channelAccounts(@Param("version") String version,
      @Param("channelId") String channelId);

  @RequestLine("POST /conversations/custom-channels/{version}/{channelId}/channel-accounts")
  HubSpotModel.ChannelAccount connectAccount(@Param("version") String version, @Param("channelId") String channelId,
      HubSpotModel.ChannelAccount account);

  @RequestLine("GET /conversations/conversations/{version}/inboxes")
  HubSpotModel.Results<HubSpotModel.Inbox> inboxes(@Param("version") String version);

  @RequestLine("PATCH /conversations/custom-channels/{version}/{channelId}/messages/{messageId}")
  void setStatus(@Param("version") String version, @Param("channelId") String channelId,
      @Param("messageId") String messageId, MessageStatus status);
}
