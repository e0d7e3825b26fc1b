package io.textback.crm;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What textback already wrote to one CRM, so a retried job does not write it twice: CRMs have no
 * idempotency key for calls, deals or tasks. Keys are unique per journey step ("CA123:call-log").
 * Each adapter has the ledger of its own {@link CrmKind}.
 * Implementations claim the key before {@code create} runs (across worker replicas), wait a moment
 * for another job holding the claim, and throw {@link CrmRecordBusyException} if it still holds it.
 */
public interface CrmLedger {
  /** The CRM whose records this ledger holds. */
  CrmKind crm();

  /** The id stored for this key, or the id {@code create} returns (then stored). */
  String once(String businessId, String key, Supplier<String> create);

  /** Remembers which lead a deal is for (a booked deal ends that lead's conversation). */
  void rememberDeal(String businessId, String dealId, String leadKey);

  /** The contact id cached for this phone, if any: the phone is the key. */
  Optional<String> cachedContact(String businessId, String phone);
}
