package io.textback.worker.crm;

import io.textback.crm.CrmKind;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The owner of crm_oauth_token: each CRM account's OAuth tokens, in PostgreSQL so that every worker
 * uses the same ones. A refresh happens under the account's advisory lock, so one worker refreshes
 * while the others wait and then read what it stored (a refresh spends the refresh token).
 */
@Component
public class JdbcCrmTokens {
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  public JdbcCrmTokens(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** @param expiresAt when the access token stops working */
  public record Tokens(String accessToken, String refreshToken, Instant expiresAt) {
    @Override
    public String toString() {
      return "Tokens[expiresAt=" + expiresAt + "]";
    }
  }

  public Optional<Tokens> find(CrmKind crm, String accountId) {
    return jdbc.sql("select access_token, refresh_token, expires_at from crm_oauth_token where crm = :crm and account_id = :a")
        .param("crm", crm.id()).param("a", accountId)
        .query((rs, i) -> new Tokens(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).optional();
  }

  public void save(CrmKind crm, String accountId, Tokens tokens, String scope) {
    jdbc.sql("""
            insert into crm_oauth_token (crm, account_id, access_token, refresh_token, expires_at, scope)
            values (:crm, :a, :at, :rt, :exp, :scope)
            on conflict (crm, account_id) do update set access_token = excluded.access_token,
              refresh_token = excluded.refresh_token, expires_at = excluded.expires_at,
              scope = coalesce(excluded.scope, crm_oauth_token.scope),
              updated_at = now()""")
        .param("crm", crm.id()).param("a", accountId).param("at", tokens.accessToken()).param("rt", tokens.refreshToken())
        .param("exp", Timestamp.from(tokens.expiresAt())).param("scope", scope).update();
  }

  public void forget(CrmKind crm, String accountId) {
    jdbc.sql("delete from crm_oauth_token where crm = :crm and account_id = :a").param("crm", crm.id())
        .param("a", accountId).update();
  }

  /**
   * The account's tokens, refreshed first when {@code stale} says so: under the account's lock, the
   * row is read again (another worker may have refreshed it meanwhile) and only then refreshed.
   */
  public Optional<Tokens> freshen(CrmKind crm, String accountId, java.util.function.Predicate<Tokens> stale,
      Function<Tokens, Tokens> refresh) {
    return tx.execute(status -> {
      jdbc.sql("select pg_advisory_xact_lock(hashtext(:k))").param("k", "crm-token:" + crm.id() + ":" + accountId)
          .query(Object.class).single();
      Optional<Tokens> current = find(crm, accountId);
      if (current.isEmpty() || !stale.test(current.get())) {
        return current;
      }
      Tokens fresh = refresh.apply(current.get());
      save(crm, accountId, fresh, null);
      return Optional.of(fresh);
    });
  }
}
