package io.textback.worker.crm;

import io.textback.crm.CrmKind;
import io.textback.crm.CrmLedger;
import io.textback.crm.CrmRecordBusyException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The crm_record and crm_deal tables, for one CRM (each adapter has its own instance, and each row
 * names its CRM). A key is claimed with a lease before the CRM is called, like the SMS outbox, so two
 * events for the same new phone make one contact, across threads and replicas, and no database
 * connection waits on the CRM.
 */
public class JdbcCrmLedger implements CrmLedger {
  /** About one CRM call with its quick retries (a few attempts, doubling). */
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(100);
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final CrmKind crm;

  public JdbcCrmLedger(JdbcClient jdbc, TransactionTemplate tx, CrmKind crm) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.crm = crm;
  }

  @Override
  public CrmKind crm() {
    return crm;
  }

  @Override
  public String once(String businessId, String key, Supplier<String> create) {
    Claim claim = claimWithin(businessId, key, PATIENCE);
    if (claim.doneId() != null) {
      return claim.doneId();
    }
    if (!claim.granted()) {
      throw new CrmRecordBusyException(crm, key);
    }
    String id;
    try {
      id = create.get();
    } catch (RuntimeException e) {
      jdbc.sql("update crm_record set lease_until = null where crm = :crm and business_id = :b and record_key = :k and status = 'PENDING'")
          .param("crm", crm.id()).param("b", businessId).param("k", key).update();
      throw e;
    }
    jdbc.sql("update crm_record set external_id = :id, status = 'DONE', lease_until = null where crm = :crm and business_id = :b and record_key = :k")
        .param("crm", crm.id()).param("id", id).param("b", businessId).param("k", key).update();
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
            insert into crm_record (crm, business_id, record_key, status) values (:crm, :b, :k, 'PENDING')
            on conflict (business_id, crm, record_key) do nothing""")
        .param("crm", crm.id()).param("b", businessId).param("k", key).update();
    var row = jdbc.sql("""
            select status, external_id, lease_until > now() as leased from crm_record
            where crm = :crm and business_id = :b and record_key = :k for update""")
        .param("crm", crm.id()).param("b", businessId).param("k", key)
        .query((rs, i) -> new Object[] {rs.getString("status"), rs.getString("external_id"), rs.getBoolean("leased")})
        .single();
    if ("DONE".equals(row[0])) {
      return new Claim(false, (String) row[1]);
    }
    if (Boolean.TRUE.equals(row[2])) {
      return new Claim(false, null);
    }
    jdbc.sql("update crm_record set lease_until = now() + interval '60 seconds' where crm = :crm and business_id = :b and record_key = :k")
        .param("crm", crm.id()).param("b", businessId).param("k", key).update();
    return new Claim(true, null);
  }

  private record Claim(boolean granted, String doneId) {}

  @Override
  public void rememberDeal(String businessId, String dealId, String leadKey) {
    jdbc.sql("insert into crm_deal (crm, deal_id, business_id, lead_key) values (:crm, :d, :b, :k) on conflict do nothing")
        .param("crm", crm.id()).param("d", dealId).param("b", businessId).param("k", leadKey).update();
  }

  /** The lead a deal belongs to, if textback created it. */
  public Optional<String> leadOfDeal(String dealId) {
    return jdbc.sql("select lead_key from crm_deal where crm = :crm and deal_id = :d").param("crm", crm.id()).param("d", dealId).query(String.class).optional();
  }

  /** The business and phone this CRM contact was found or created for, among these businesses (the latest). */
  public Optional<LeadJourneys.Lead> leadOfContact(String contactId, java.util.List<String> businessIds) {
    return jdbc.sql("""
            select business_id, substring(record_key from 9) as phone from crm_record
            where crm = :crm and external_id = :id and record_key like 'contact:%' and business_id in (:b)
            order by created_at desc limit 1""")
        .param("crm", crm.id()).param("id", contactId).param("b", businessIds)
        .query((rs, i) -> new LeadJourneys.Lead(rs.getString(1), rs.getString(2))).optional();
  }

  /**
   * What this CRM holds of one journey: the lead's contact (by phone) and the records written under
   * the journey's key (the call log, the deal or opportunity, the call-back task), oldest first.
   */
  public java.util.List<CrmRecordView> recordsOf(String businessId, String phone, String journeyKey) {
    return jdbc.sql("""
            select record_key, external_id from crm_record
            where crm = :crm and business_id = :b and status = 'DONE'
              and (record_key = :contact or record_key like :journey)
            order by created_at, record_key""")
        .param("crm", crm.id()).param("b", businessId).param("contact", "contact:" + phone)
        .param("journey", journeyKey.replace("%", "\\%").replace("_", "\\_") + ":%")
        .query((rs, i) -> new CrmRecordView(crm.id(), kindOf(rs.getString(1)), rs.getString(2), null)).list();
  }

  /** contact:+1555... is the contact; a journey's records end in what they are (:deal, :call-log, ...). */
  static String kindOf(String recordKey) {
    if (recordKey.startsWith("contact")) {
      return "contact";
    }
    String last = recordKey.substring(recordKey.lastIndexOf(':') + 1);
    return last.equals("call-log") ? "call" : last;
  }

  @Override
  public Optional<String> cachedContact(String businessId, String phone) {
    return find(businessId, "contact:" + phone);
  }

  public Optional<String> find(String businessId, String key) {
    return jdbc.sql("select external_id from crm_record where crm = :crm and business_id = :b and record_key = :k and status = 'DONE'")
        .param("crm", crm.id()).param("b", businessId).param("k", key).query(String.class).optional();
  }
}
