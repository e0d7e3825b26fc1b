package io.textback.worker.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * GET /api/reports/funnel: a business's funnel for calls, forms and both, with health flags and the copy experiment.
 * {@code healthNote} says which numbers have too few leads to be flagged yet (null when each has enough).
 */
public record FunnelReport(
    String business,
    LocalDate from,
    LocalDate to,
    String timeZone,
    Funnel calls,
    Funnel forms,
    Funnel all,
    List<HealthFlag> health,
    String healthNote,
    Experiment experiment) {

  /** The seed's thresholds: what needs work when a number is out of its healthy range. */
  public record HealthFlag(String flag, String message) {}

  /** Text-back copy A against B: reply rate per variant with its 95% interval, and which is ahead. */
  public record Experiment(Map<String, Arm> variants, double pValue, String leader, String verdict) {
    public record Arm(long texted, long replies, Double replyRate, double low95, double high95) {}
  }
}
