package io.textback.worker.optout;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The opt_out table: our own record of who said STOP to which business. */
@Repository
public class OptOutStore {
  private final JdbcClient jdbc;

  public OptOutStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean isOptedOut(String businessId, String phone) {
    return jdbc.sql("select exists(select 1 from opt_out where business_id = :b and phone = :p)")
        .param("b", businessId).param("p", phone).query(Boolean.class).single();
  }

  public void optOut(String businessId, String phone, String source) {
    jdbc.sql("insert into opt_out (business_id, phone, source) values (:b, :p, :s) on conflict do nothing")
        .param("b", businessId).param("p", phone).param("s", source).update();
  }

  public void optIn(String businessId, String phone) {
    jdbc.sql("delete from opt_out where business_id = :b and phone = :p")
        .param("b", businessId).param("p", phone).update();
  }
}
