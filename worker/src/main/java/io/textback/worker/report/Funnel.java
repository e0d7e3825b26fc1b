package io.textback.worker.report;

import java.util.Map;

/**
 * One channel's funnel over a period (journeys that started in it).
 *
 * @param leads missed calls (or web forms) that started a journey
 * @param repeatCalls the calls those leads made again while their conversation was open (answered by
 *     no second text-back): every call is counted, {@code leads + repeatCalls}
 * @param notTexted reason → count
 * @param repliesAfter how many texts the lead had when they replied: text-back, follow-up 1, follow-up 2
 * @param recoveryRate replies / leads
 * @param bookingRate booked / replies
 */
public record Funnel(
    long leads,
    long texted,
    Map<String, Long> notTexted,
    long voicemails,
    long reachedByPhone,
    long replies,
    Map<String, Long> repliesAfter,
    Double recoveryRate,
    long booked,
    Double bookingRate,
    long escalated,
    long optOuts,
    ResponseTime responseTime,
    long repeatCalls) {

  /**
   * Lead in (missed call or form) to the first human reply, in seconds. Business hours: leads that
   * came in while the business was open.
   */
  public record ResponseTime(long answered, Double medianSeconds, Double p90Seconds, long answeredInBusinessHours,
      Double businessHoursMedianSeconds, Double businessHoursP90Seconds) {}
}
