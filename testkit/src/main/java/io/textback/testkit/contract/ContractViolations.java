package io.textback.testkit.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * Every request the fakes refused for breaking a vendor's contract, in this JVM. The JUnit
 * extension fails the test during which one arrived; a test that sends one on purpose takes it.
 */
public final class ContractViolations {
  private static final List<ContractViolation> SEEN = new ArrayList<>();

  private ContractViolations() {}

  static synchronized void record(ContractViolation v) {
    SEEN.add(v);
  }

  /** The violations since the last take, oldest first; they are forgotten. */
  public static synchronized List<ContractViolation> take() {
    List<ContractViolation> all = List.copyOf(SEEN);
    SEEN.clear();
    return all;
  }
}
