package io.textback.connector.gohighlevel.api;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.textback.connector.gohighlevel.api.HighLevelModel.ContactInput;
import io.textback.connector.gohighlevel.api.HighLevelModel.ContactResult;
import io.textback.connector.gohighlevel.api.HighLevelModel.ContactUpdate;
import io.textback.connector.gohighlevel.api.HighLevelModel.DuplicateResult;
import io.textback.connector.gohighlevel.api.HighLevelModel.NoteInput;
import io.textback.connector.gohighlevel.api.HighLevelModel.NoteResult;
import io.textback.connector.gohighlevel.api.HighLevelModel.TaskInput;
import io.textback.connector.gohighlevel.api.HighLevelModel.TaskResult;
import io.textback.connector.gohighlevel.api.HighLevelModel.UpsertResult;

/** Contacts, their notes and tasks (apps/contacts.json; every call takes Version 2021-07-28). */
@Headers({"Content-Type: application/json", "Accept: application/json", "Version: " + HighLevelContactsApi.VERSION})
public interface HighLevelContactsApi {
  String VERSION = "2021-07-28";

  /** The contact the location's duplicate rule finds for this number (E.164, sent as %2B...). */
  @RequestLine("GET /contacts/search/duplicate?locationId={locationId}&number={number}")
  DuplicateResult searchDuplicate(@Param("locationId") String locationId, @Param("number") String number);

  @RequestLine("POST /contacts/upsert")
  UpsertResult upsert(ContactInput contact);

  @RequestLine("GET /contacts/{contactId}")
  ContactResult get(@Param("contactId") String contactId);

  @RequestLine("PUT /contacts/{contactId}")
  ContactResult update(@Param("contactId") String contactId, ContactUpdate update);

  @RequestLine("POST /contacts/{contactId}/notes")
  NoteResult addNote(@Param("contactId") String contactId, NoteInput note);

  @RequestLine("POST /contacts/{contactId}/tasks")
  TaskResult addTask(@Param("contactId") String contactId, TaskInput task);
}
