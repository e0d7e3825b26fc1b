package io.textback.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every request the fakes refused (or took but would have ignored part of) for breaking a vendor's
 * contract, in this JVM. The JUnit extension, and the jqwik property classes, fail the test during
 * which one arrived; a test that sends one on purpose takes it.
 */
public final class ContractViolations {
  /** Local mode runs for hours and nobody takes its records: keep the newest only (each is logged). */
  private static final int KEPT = 1000;
  private static final List<ContractViolation> SEEN = new ArrayList<>();

  private ContractViolations() {}

  static synchronized void record(ContractViolation v) {
    if (SEEN.size() >= KEPT) {
      SEEN.remove(0);
    }
    SEEN.add(v);
  }

  /** The violations since the last take, oldest first; they are forgotten. */
  public static synchronized List<ContractViolation> take() {
    List<ContractViolation> all = List.copyOf(SEEN);
    SEEN.clear();
    return all;
  }

  /** Takes the violations, and fails with each one described when there were any. */
  public static void assertNone(String when) {
    List<ContractViolation> violations = take();
    if (!violations.isEmpty()) {
      throw new AssertionError(violations.size() + " request(s) outside the vendors' contracts " + when + ":\n  "
          + violations.stream().map(ContractViolation::describe).collect(Collectors.joining("\n  ")));
    }
  }
}
