package io.textback.worker.crm;

import io.textback.connector.hubspot.crm.CrmLedger;
import io.textback.connector.hubspot.crm.CrmRecordBusyException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The crm_record table. A key is claimed with a lease before HubSpot is called, like the SMS outbox,
 * so two events for the same new phone make one contact, across threads and replicas, and no database
 * connection waits on HubSpot.
 */
@Repository
public class JdbcCrmLedger implements CrmLedger {
  /** About one HubSpot call with its quick retries (5 attempts from 500 ms, doubling). */
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(100);
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  public JdbcCrmLedger(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public String once(String businessId, String key, Supplier<String> create) {
    Claim claim = claimWithin(businessId, key, PATIENCE);
    if (claim.doneId() != null) {
      return claim.doneId();
    }
    if (!claim.granted()) {
      throw new CrmRecordBusyException(key);
    }
    String id;
    try {
      id = create.get();
    } catch (RuntimeException e) {
      jdbc.sql("update crm_record set lease_until = null where business_id = :b and record_key = :k and status = 'PENDING'")
          .param("b", businessId).param("k", key).update();
      throw e;
    }
    jdbc.sql("update crm_record set hubspot_id = :id, status = 'DONE', lease_until = null where business_id = :b and record_key = :k")
        .param("id", id).param("b", businessId).param("k", key).update();
    return id;
  }

  /**
   * Waits a moment for another job holding the key: it is usually done (or has failed) within
   * seconds, and the id it stores is ours too. Polled in short transactions: no connection waits.
   */
  private Claim claimWithin(String businessId, String key, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      Claim claim = tx.execute(status -> claim(businessId, key));
      if (claim.granted() || claim.doneId() != null || System.nanoTime() > deadline) {
        return claim;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return claim;
      }
    }
  }

  /** Done (with its id), or the right to create it now, or busy (another job holds a live lease). */
  private Claim claim(String businessId, String key) {
    jdbc.sql("""
            insert into crm_record (business_id, record_key, status) values (:b, :k, 'PENDING')
            on conflict (business_id, record_key) do nothing""")
        .param("b", businessId).param("k", key).update();
    var row = jdbc.sql("""
            select status, hubspot_id, lease_until > now() as leased from crm_record
            where business_id = :b and record_key = :k for update""")
        .param("b", businessId).param("k", key)
        .query((rs, i) -> new Object[] {rs.getString("status"), rs.getString("hubspot_id"), rs.getBoolean("leased")})
        .single();
    if ("DONE".equals(row[0])) {
      return new Claim(false, (String) row[1]);
    }
    if (Boolean.TRUE.equals(row[2])) {
      return new Claim(false, null);
    }
    jdbc.sql("update crm_record set lease_until = now() + interval '60 seconds' where business_id = :b and record_key = :k")
        .param("b", businessId).param("k", key).update();
    return new Claim(true, null);
  }

  private record Claim(boolean granted, String doneId) {}

  @Override
  public void rememberDeal(String businessId, String dealId, String leadKey) {
    jdbc.sql("insert into crm_deal (deal_id, business_id, lead_key) values (:d, :b, :k) on conflict do nothing")
        .param("d", dealId).param("b", businessId).param("k", leadKey).update();
  }

  /** The lead a deal belongs to, if textback created it. */
  public Optional<String> leadOfDeal(String dealId) {
    return jdbc.sql("select lead_key from crm_deal where deal_id = :d").param("d", dealId).query(String.class).optional();
  }

  @Override
  public Optional<String> cachedContact(String businessId, String phone) {
    return find(businessId, "contact:" + phone);
  }

  public Optional<String> find(String businessId, String key) {
    return jdbc.sql("select hubspot_id from crm_record where business_id = :b and record_key = :k and status = 'DONE'")
        .param("b", businessId).param("k", key).query(String.class).optional();
  }
}
