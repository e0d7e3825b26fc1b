package io.textback.worker.spool;

import java.io.IOException;

/** The spool reached its cap: the webhook is refused (503) rather than taken and lost. */
public class SpoolFullException extends IOException {
  public SpoolFullException(long bytes, long maxBytes) {
    super("the webhook spool is full (" + bytes + " of " + maxBytes + " bytes waiting for PostgreSQL)");
  }
}
