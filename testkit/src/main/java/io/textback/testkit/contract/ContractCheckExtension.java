package io.textback.testkit.contract;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test during which a fake refused a request for breaking the vendor's contract, naming the
 * field. Registered for every JUnit Jupiter test through extension auto-detection (the parent POM
 * turns it on; this module lists the class in META-INF/services); jqwik property classes call
 * {@link ContractViolations#assertNone} themselves. What arrived before a test (a stack's start, or
 * background jobs of the test before) fails it with "before this test".
 */
public final class ContractCheckExtension implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    ContractViolations.assertNone("before this test (while the class started its stack, or from the jobs of the test before)");
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ContractViolations.assertNone("during this test");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ContractViolations.assertNone("after the last test of this class");
  }
}
