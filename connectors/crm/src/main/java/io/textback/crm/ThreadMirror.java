package io.textback.crm;

import java.time.Instant;

/**
 * Shows in the lead's thread in a CRM's inbox the texts that pass outside a journey's own steps: a
 * text from the lead, a text textback sent (a follow-up, an answer through the replies API), a web form
 * from a lead already in a conversation. One per CRM; it queues, never calls the CRM inline, so the SMS
 * path never waits for a CRM.
 */
public interface ThreadMirror {
  CrmKind crm();

  /** A text from the lead; {@code messageSid} (Twilio's) shows it once however often it is queued. */
  void received(String businessId, String leadPhone, String text, String messageSid, Instant at);

  /** A text textback sent the lead. */
  void sent(String businessId, String leadPhone, String text, String messageSid, Instant at);

  /**
   * The lead opted out (STOP, in any words textback recognises) or back in (START): a CRM that keeps
   * its own do-not-disturb flag is told, so that its own tools do not text the lead either. The text
   * itself is textback's to honour; this never holds it up.
   */
  default void consentChanged(String businessId, String leadPhone, boolean optedOut, String messageSid, Instant at) {}

  /** A web form from a lead already in a conversation, shown as the lead's message. */
  default void formReceived(String businessId, String leadPhone, String text, String submissionId, Instant at) {
    received(businessId, leadPhone, text, "form:" + submissionId, at);
  }
}
