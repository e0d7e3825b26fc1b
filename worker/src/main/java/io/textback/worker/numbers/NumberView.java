package io.textback.worker.numbers;

import java.util.Map;

/**
 * One of the Twilio account's numbers and whether it reaches textback.
 *
 * @param business the business whose {@code twilio-number} it is, or null when none is yet
 * @param state connected (its calls, call status and texts come to textback), incomplete (what is set
 *     is textback's, but a setting is missing), not_set (nothing, or Twilio's demo page: connecting
 *     changes nothing anyone set), or elsewhere (another service gets them: connecting asks for a
 *     confirmation first)
 * @param pointsAt where its calls, call status and texts go now (and any application or trunk that overrides them)
 */
public record NumberView(String sid, String phoneNumber, String friendlyName, String business, String state,
    Map<String, String> pointsAt) {
  public static final String CONNECTED = "connected";
  public static final String NOT_SET = "not_set";
  public static final String INCOMPLETE = "incomplete";
  public static final String ELSEWHERE = "elsewhere";
}
