package io.textback.worker.inbox;

import io.textback.worker.consent.ConsentRecord;
import io.textback.worker.crm.CrmRecordView;
import java.time.Instant;
import java.util.List;

/**
 * GET /api/inbox/{conversationId}: one conversation in full.
 *
 * @param canReply whether the reply box may send; {@code cannotReplyWhy} says why not (opted out, closed)
 */
public record InboxThread(InboxItem conversation, boolean canReply, String cannotReplyWhy, List<Entry> entries,
    List<CrmRecordView> crmRecords, List<ConsentRecord> consent) {
  /**
   * One thing that happened, in time order.
   *
   * @param type call, form, text, voicemail, call-again, escalation, event
   * @param direction IN (from the lead), OUT (to the lead), or null
   * @param kind a text's kind: text-back, follow-up-1, reply, agent-reply, opt-out-confirmation...
   * @param delivery an outgoing text's delivery status as Twilio last reported it (queued, sent, delivered, undelivered, failed)
   * @param problem the delivery error in words, when there is one
   * @param link a voicemail's recording (Twilio's address)
   */
  public record Entry(Instant at, String type, String direction, String text, String kind, String delivery,
      String problem, String link) {
    static Entry of(Instant at, String type, String direction, String text) {
      return new Entry(at, type, direction, text, null, null, null, null);
    }
  }
}
