package io.textback.worker.form;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A web form as submitted: the fields textback knows (name, phone, email, message, source, consent)
 * and every other field, kept as sent.
 */
public record FormSubmission(String submissionId, Map<String, String> fields) {
  static final Set<String> KNOWN = Set.of("name", "first_name", "firstName", "last_name", "lastName", "phone", "email",
      "message", "source", "consent", "submissionId");

  public String phone() {
    return field("phone");
  }

  public String email() {
    return field("email");
  }

  public String message() {
    return field("message");
  }

  public String source() {
    return field("source") == null ? "Web form" : field("source");
  }

  /** The first name: first_name/firstName, or the first word of name. */
  public String firstName() {
    String first = field("first_name") != null ? field("first_name") : field("firstName");
    if (first != null) {
      return first;
    }
    String name = field("name");
    return name == null ? null : name.split("\\s+", 2)[0];
  }

  public String lastName() {
    String last = field("last_name") != null ? field("last_name") : field("lastName");
    if (last != null) {
      return last;
    }
    String name = field("name");
    return name == null || !name.contains(" ") ? null : name.split("\\s+", 2)[1];
  }

  /** true or false when the form said (yes/no, true/false, on/off, 1/0), null when it did not. */
  public Boolean consent() {
    String c = field("consent");
    if (c == null) {
      return null;
    }
    return switch (c.trim().toLowerCase()) {
      case "true", "yes", "on", "1", "y", "checked", "agreed" -> true;
      default -> false;
    };
  }

  /** The consent field as sent ("yes", "on", ...), for the consent record. */
  public String consentField() {
    return field("consent");
  }

  /** The words beside the consent checkbox, when the form sends them (consent_text or consentText). */
  public String consentWords() {
    return field("consent_text") != null ? field("consent_text") : field("consentText");
  }

  /** The page the form was on, when the form sends it (page, page_url, pageUrl). */
  public String page() {
    return field("page") != null ? field("page") : field("page_url") != null ? field("page_url") : field("pageUrl");
  }

  /** The fields textback does not know, kept for the record. */
  public Map<String, String> extraFields() {
    Map<String, String> extra = new LinkedHashMap<>();
    fields.forEach((k, v) -> {
      if (!KNOWN.contains(k)) {
        extra.put(k, v);
      }
    });
    return extra;
  }

  private String field(String name) {
    String v = fields.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }
}
