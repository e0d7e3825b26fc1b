package io.textback.worker.crm;

import io.textback.connector.hubspot.crm.CrmLedger;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The crm_record table. A transaction-scoped advisory lock per (business, key) serialises the
 * creates for one key across threads and replicas, so two events for the same new phone make one
 * contact.
 */
@Repository
public class JdbcCrmLedger implements CrmLedger {
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  public JdbcCrmLedger(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public String once(String businessId, String key, Supplier<String> create) {
    return tx.execute(status -> {
      jdbc.sql("select pg_advisory_xact_lock(hashtext(:b || '|' || :k))").param("b", businessId).param("k", key)
          .query(Object.class).single();
      Optional<String> existing = find(businessId, key);
      if (existing.isPresent()) {
        return existing.get();
      }
      String id = create.get();
      jdbc.sql("insert into crm_record (business_id, record_key, hubspot_id) values (:b, :k, :id)")
          .param("b", businessId).param("k", key).param("id", id).update();
      return id;
    });
  }

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
    return jdbc.sql("select hubspot_id from crm_record where business_id = :b and record_key = :k")
        .param("b", businessId).param("k", key).query(String.class).optional();
  }
}
