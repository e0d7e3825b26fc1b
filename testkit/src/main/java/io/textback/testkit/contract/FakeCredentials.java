package io.textback.testkit.contract;

import java.util.Set;

/**
 * The secrets a fake accepts: any non-blank one until a test names the only ones that are good,
 * so that a wrong token meets the 401 the vendor would give.
 */
public final class FakeCredentials {
  /** Empty: any non-blank secret. Replaced whole, so no request sees a half-made set. */
  private volatile Set<String> accepted = Set.of();

  /** From now on only these secrets are good (an access token, an auth token, a developer key). */
  public void acceptOnly(String... secrets) {
    accepted = Set.of(secrets);
  }

  /** One more secret is good (a token the fake itself issued), when the set is limited. */
  public synchronized void alsoAccept(String secret) {
    if (!accepted.isEmpty()) {
      java.util.Set<String> more = new java.util.HashSet<>(accepted);
      more.add(secret);
      accepted = java.util.Set.copyOf(more);
    }
  }

  /** Any non-blank secret is good again. */
  public void acceptAny() {
    accepted = Set.of();
  }

  boolean isGood(String secret) {
    Set<String> good = accepted;
    return secret != null && !secret.isBlank() && (good.isEmpty() || good.contains(secret));
  }
}
