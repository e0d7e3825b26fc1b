package io.textback.worker.business;

/** How the business's calls reach the Twilio number. */
public enum ConnectionMode {
  /** The Twilio number is the public number; we ring the business's phone with Dial. */
  DIAL,
  /**
   * The business keeps its carrier number and forwards unanswered calls to the Twilio number
   * (conditional forwarding): every call that arrives is already missed.
   */
  FORWARDED
}
