package io.textback.testkit.contract;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test during which a fake refused a request for breaking the vendor's contract, naming the
 * field. Registered for every test through JUnit's extension auto-detection (the parent POM turns it
 * on; this module lists the class in META-INF/services). What arrived before a test (a stack's start)
 * fails the class.
 */
public final class ContractCheckExtension implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    fail("before this test (while the class started its stack, or in the test before)", ContractViolations.take());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    fail("during this test", ContractViolations.take());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    fail("after the last test of this class", ContractViolations.take());
  }

  private static void fail(String when, List<ContractViolation> violations) {
    if (!violations.isEmpty()) {
      throw new AssertionError(violations.size() + " request(s) outside the vendors' contracts " + when + ":\n  "
          + violations.stream().map(ContractViolation::describe).collect(Collectors.joining("\n  ")));
    }
  }
}
