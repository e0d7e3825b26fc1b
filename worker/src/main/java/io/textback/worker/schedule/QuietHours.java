package io.textback.worker.schedule;

/**
 * The business's own daily window for texts that are not a direct answer to the lead (08:00-21:00
 * by default, the federal window), in the lead's local time. It can only tighten the state rules
 * ({@link TextingHours}).
 */
public record QuietHours(TimeWindow allowed) {
  public static final QuietHours DEFAULT = new QuietHours(TimeWindow.parse("08:00-21:00"));
}
