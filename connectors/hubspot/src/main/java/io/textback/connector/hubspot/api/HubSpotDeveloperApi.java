package io.textback.connector.hubspot.api;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.textback.connector.hubspot.api.HubSpotModel.Channel;
import io.textback.connector.hubspot.api.HubSpotModel.Results;

/**
 * The app-level custom-channel calls, made with the developer API key and the app's id rather than
 * a portal's token (shared/reference/hubspot.md, section 1).
 */
@Headers("Content-Type: application/json")
public interface HubSpotDeveloperApi {
  @RequestLine("GET /conversations/custom-channels/" + HubSpotConversationsApi.CUSTOM_CHANNELS_VERSION + "?appId={appId}&hapikey={key}")
  Results<Channel> channels(@Param("appId") String appId, @Param("key") String key);

  @RequestLine("POST /conversations/custom-channels/" + HubSpotConversationsApi.CUSTOM_CHANNELS_VERSION + "?appId={appId}&hapikey={key}")
  Channel register(@Param("appId") String appId, @Param("key") String key,
      Channel channel);
}
