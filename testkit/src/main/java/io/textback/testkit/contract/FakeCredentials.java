package io.textback.testkit.contract;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The secrets a fake accepts: any non-blank one until a test names the only ones that are good,
 * so that a wrong token meets the 401 the vendor would give.
 */
public final class FakeCredentials {
  private final Set<String> accepted = new CopyOnWriteArraySet<>();

  /** From now on only these secrets are good (an access token, an auth token, a developer key). */
  public void acceptOnly(String... secrets) {
    accepted.clear();
    accepted.addAll(Set.of(secrets));
  }

  /** Any non-blank secret is good again. */
  public void acceptAny() {
    accepted.clear();
  }

  boolean isGood(String secret) {
    return secret != null && !secret.isBlank() && (accepted.isEmpty() || accepted.contains(secret));
  }
}
