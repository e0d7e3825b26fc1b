package io.textback.worker.consent;

import java.time.Instant;

/**
 * One thing that gave consent to text a lead: an inbound call (its CallSid, the greeting's words), a
 * web form (its consent field, the page, the words beside the checkbox) or a text from the lead.
 */
public record ConsentRecord(String source, String reference, Instant givenAt, String words, String page,
    String consentField) {
  public static final String CALL = "call";
  public static final String FORM = "form";
  public static final String TEXT = "text";
}
