package io.textback.worker.crm;

import java.time.Instant;
import java.util.List;

/**
 * What a CRM's contact card shows: the lead's latest journey and its timeline.
 *
 * @param state in_conversation, paused, booked, opted_out, recovered, no_reply, voicemail,
 *     reached_by_phone, not_texted
 * @param responseTimeSeconds lead in to the first human reply; null until someone answered
 */
public record LeadJourney(String contactId, String business, String channel, Instant startedAt, String state,
    boolean paused, Long responseTimeSeconds, List<Step> timeline) {

  /** One thing that happened: call_missed, form_submitted, voicemail, texted, not_texted, reply, human_reply, escalated, booked, opted_out. */
  public record Step(String kind, String detail, Instant at) {}
}
