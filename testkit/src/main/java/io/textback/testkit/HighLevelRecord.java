package io.textback.testkit;

import java.util.Map;

/**
 * Something the HighLevel fake holds: a contact, note, task, conversation, message or opportunity,
 * with the fields it was given (strings; nested objects as JSON).
 */
public record HighLevelRecord(String type, String id, String locationId, Map<String, String> fields) {
  public String field(String name) {
    return fields.get(name);
  }
}
