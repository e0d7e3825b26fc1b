package io.textback.connector.gohighlevel.api;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.textback.connector.gohighlevel.api.HighLevelModel.ConversationCreated;
import io.textback.connector.gohighlevel.api.HighLevelModel.ConversationInput;
import io.textback.connector.gohighlevel.api.HighLevelModel.ConversationSearch;
import io.textback.connector.gohighlevel.api.HighLevelModel.MessageAdded;
import io.textback.connector.gohighlevel.api.HighLevelModel.MessageInput;
import io.textback.connector.gohighlevel.api.HighLevelModel.Message;
import io.textback.connector.gohighlevel.api.HighLevelModel.MessageStatus;

/** The contact's conversation and its messages (apps/conversations.json; Version 2021-04-15). */
@Headers({"Content-Type: application/json", "Accept: application/json", "Version: " + HighLevelConversationsApi.VERSION})
public interface HighLevelConversationsApi {
  String VERSION = "2021-04-15";

  @RequestLine("GET /conversations/search?locationId={locationId}&contactId={contactId}")
  ConversationSearch search(@Param("locationId") String locationId, @Param("contactId") String contactId);

  @RequestLine("POST /conversations/")
  ConversationCreated create(ConversationInput conversation);

  /** "Add an inbound message": a text or call that happened outside HighLevel, either direction. */
  @RequestLine("POST /conversations/messages/inbound")
  MessageAdded addMessage(MessageInput message);

  @RequestLine("PUT /conversations/messages/{messageId}/status")
  void setStatus(@Param("messageId") String messageId, MessageStatus status);

  @RequestLine("GET /conversations/messages/{id}")
  Message message(@Param("id") String messageId);
}
