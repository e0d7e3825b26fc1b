package io.textback.worker.sms;

import java.util.Map;
import java.util.Set;

/**
 * Twilio's message statuses in the order they can happen. Callbacks arrive out of order, so a
 * status only replaces one of a lower rank: "sent" after "delivered" changes nothing.
 */
public final class DeliveryStatus {
  private static final Map<String, Integer> RANK = Map.ofEntries(
      Map.entry("accepted", 1), Map.entry("scheduled", 1), Map.entry("queued", 2), Map.entry("sending", 3),
      Map.entry("sent", 4), Map.entry("canceled", 5), Map.entry("failed", 5), Map.entry("undelivered", 5),
      Map.entry("delivered", 5), Map.entry("partially_delivered", 5), Map.entry("read", 6));
  /** Delivery errors that mean the number will never take SMS (landline, unreachable, unknown handset). */
  static final Set<Integer> NUMBER_CANNOT_TAKE_SMS = Set.of(30003, 30005, 30006);

  /** The same ranking as SQL, for the forward-only update: CASE delivery_status WHEN ... END. */
  static final String SQL_RANK = RANK.entrySet().stream()
      .map(e -> "when '" + e.getKey() + "' then " + e.getValue())
      .collect(java.util.stream.Collectors.joining(" ", "(case delivery_status ", " else 0 end)"));

  private DeliveryStatus() {}

  public static boolean isKnown(String status) {
    return RANK.containsKey(status);
  }

  public static int rank(String status) {
    return status == null ? 0 : RANK.getOrDefault(status, 0);
  }

  public static boolean isFailure(String status) {
    return "failed".equals(status) || "undelivered".equals(status);
  }
}
