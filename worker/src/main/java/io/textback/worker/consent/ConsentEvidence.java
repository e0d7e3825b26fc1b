package io.textback.worker.consent;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The consent_evidence table: for every lead, what gave consent to text them and when, kept once per
 * call, form or text (a repeated webhook adds nothing).
 */
@Repository
public class ConsentEvidence {
  /** A text kept as evidence is cut here: it shows the lead wrote first, not the whole thread. */
  static final int MAX_TEXT = 160;
  private final JdbcClient jdbc;

  public ConsentEvidence(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String businessId, String phone, ConsentRecord r) {
    String words = r.words() != null && r.source().equals(ConsentRecord.TEXT) && r.words().length() > MAX_TEXT
        ? r.words().substring(0, MAX_TEXT) + "…" : r.words();
    jdbc.sql("""
            insert into consent_evidence (business_id, phone, source, reference, given_at, words, page, consent_field)
            values (:b, :p, :s, :r, :at, :w, :page, :field)
            on conflict (business_id, source, reference) do nothing""")
        .param("b", businessId).param("p", phone).param("s", r.source()).param("r", r.reference())
        .param("at", Timestamp.from(r.givenAt())).param("w", words).param("page", r.page())
        .param("field", r.consentField()).update();
  }

  /** The consent records of these leads, each lead's oldest first. */
  public java.util.Map<String, List<ConsentRecord>> of(String businessId, java.util.Collection<String> phones) {
    java.util.Map<String, List<ConsentRecord>> byPhone = new java.util.HashMap<>();
    if (phones.isEmpty()) {
      return byPhone;
    }
    jdbc.sql("select * from consent_evidence where business_id = :b and phone in (:p) order by given_at, id")
        .param("b", businessId).param("p", phones)
        .query((rs, i) -> byPhone.computeIfAbsent(rs.getString("phone"), k -> new java.util.ArrayList<>()).add(map(rs)))
        .list();
    return byPhone;
  }

  /** Every record of the business between two instants, oldest first, with the lead's number. */
  public void forEach(String businessId, Instant from, Instant to, Consumer<LeadConsent> each) {
    jdbc.sql("""
            select * from consent_evidence where business_id = :b and given_at >= :from and given_at < :to
            order by given_at, id""")
        .param("b", businessId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query((rs, i) -> new LeadConsent(rs.getString("phone"), map(rs))).list().forEach(each);
  }

  /** A consent record with the number it is for. */
  public record LeadConsent(String phone, ConsentRecord record) {}

  private static ConsentRecord map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new ConsentRecord(rs.getString("source"), rs.getString("reference"), rs.getTimestamp("given_at").toInstant(),
        rs.getString("words"), rs.getString("page"), rs.getString("consent_field"));
  }
}
