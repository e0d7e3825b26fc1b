package io.textback.worker.phone;

import io.textback.connector.twilio.lookup.PhoneLineBook;
import io.textback.worker.TextbackProperties;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What is known about numbers' lines, in PostgreSQL: Twilio Lookup's line type (fresh for 180 days
 * by default; the phone-lookup step asks Twilio) and numbers whose delivery failed for good.
 */
@Component
public class PhoneLines implements PhoneLineBook {
  private final JdbcClient jdbc;
  private final TextbackProperties.Twilio settings;

  public PhoneLines(JdbcClient jdbc, TextbackProperties properties) {
    this.jdbc = jdbc;
    this.settings = properties.twilio();
  }

  @Override
  public Optional<KnownLine> known(String e164) {
    return cached(e164).map(row -> new KnownLine(row.textable(), row.reason()));
  }

  @Override
  public void remember(String e164, String lineType, boolean textable) {
    store(e164, lineType, textable, textable ? null : lineType, "lookup");
  }

  /** What is already known, without a Lookup: for the check just before every send. */
  public Optional<String> knownNotTextableReason(String e164) {
    return cached(e164).filter(row -> !row.textable()).map(Row::reason);
  }

  private Optional<Row> cached(String e164) {
    return jdbc.sql("""
            select textable, reason from phone_line
            where phone = :p and (source = 'delivery' or updated_at > now() - make_interval(secs => :ttl))""")
        .param("p", e164).param("ttl", (double) settings.lookupCacheTtl().toSeconds())
        .query((rs, i) -> new Row(rs.getBoolean("textable"), rs.getString("reason"))).optional();
  }

  /** A delivery failed for good (landline, unreachable): no more texts to this number. */
  public void markUndeliverable(String e164, String reason) {
    store(e164, null, false, reason, "delivery");
  }

  private void store(String phone, String type, boolean textable, String reason, String source) {
    jdbc.sql("""
            insert into phone_line (phone, line_type, textable, reason, source) values (:p, :t, :ok, :r, :s)
            on conflict (phone) do update set line_type = coalesce(excluded.line_type, phone_line.line_type),
              textable = excluded.textable, reason = excluded.reason, source = excluded.source, updated_at = now()""")
        .param("p", phone).param("t", type).param("ok", textable).param("r", reason).param("s", source)
        .update();
  }

  private record Row(boolean textable, String reason) {}
}
