package io.textback.worker.a2p;

import java.time.Instant;

/**
 * Whether carriers will take a business number's texts: a US long code needs an approved A2P 10DLC
 * campaign on its Messaging Service, a toll-free number a verification.
 *
 * @param state registered, pending, rejected, unregistered, not_us (no US registration applies) or
 *     unknown (Twilio could not be asked)
 * @param detail what that means and what to do, in words
 */
public record A2pStatus(String businessId, String number, String kind, String state, String detail, String messagingServiceSid,
    Instant checkedAt) {
  public static final String REGISTERED = "registered";
  public static final String PENDING = "pending";
  public static final String REJECTED = "rejected";
  public static final String UNREGISTERED = "unregistered";
  public static final String NOT_US = "not_us";
  public static final String UNKNOWN = "unknown";

  /** Texts from the number will be blocked or may be. */
  public boolean isWarning() {
    return !state.equals(REGISTERED) && !state.equals(NOT_US);
  }
}
