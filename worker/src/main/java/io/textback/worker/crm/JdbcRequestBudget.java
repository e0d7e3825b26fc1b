package io.textback.worker.crm;

import io.textback.crm.RequestBudget;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The owner of crm_request_budget: every CRM account's request budget in PostgreSQL, so a portal's
 * or a location's limit holds for all workers together. A window is fixed and read on PostgreSQL's
 * clock (every worker counts in the same one); a request is counted with one statement, only while
 * the window is under its limit. Spent windows are deleted now and then.
 */
@Component
public class JdbcRequestBudget implements RequestBudget {
  private static final int CLEAN_EVERY = 1000;
  private final JdbcClient jdbc;
  private final AtomicLong takes = new AtomicLong();

  public JdbcRequestBudget(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean tryTake(String key, int limit, Duration window) {
    if (takes.incrementAndGet() % CLEAN_EVERY == 0) {
      jdbc.sql("delete from crm_request_budget where expires_at < now() - interval '1 minute'").update();
    }
    long millis = window.toMillis();
    return jdbc.sql("""
            with w as (select floor(extract(epoch from clock_timestamp()) * 1000 / :w)::bigint as start)
            insert into crm_request_budget (bucket, window_start, used, expires_at)
            select :b, w.start, 1, to_timestamp((w.start + 1) * :w / 1000.0) from w
            on conflict (bucket, window_start) do update set used = crm_request_budget.used + 1
              where crm_request_budget.used < :limit
            returning used""")
        .param("b", key).param("w", millis).param("limit", limit)
        .query(Integer.class).optional().isPresent();
  }
}
