package io.textback.worker.phone;

import io.textback.connector.twilio.api.TwilioLookupApi;
import io.textback.connector.twilio.api.TwilioLookupResult;
import io.textback.worker.TextbackProperties;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a number can take SMS: Twilio Lookup's line type, cached per number (180 days by
 * default), and numbers whose delivery failed for good. A Lookup error lets the text go.
 */
@Component
public class PhoneLines {
  private static final Logger LOG = LoggerFactory.getLogger(PhoneLines.class);
  /** Line types that cannot receive an SMS. */
  static final Set<String> NOT_TEXTABLE = Set.of("landline", "pager", "voicemail", "premium", "sharedCost", "uan");

  private final JdbcClient jdbc;
  private final TwilioLookupApi lookup;
  private final TextbackProperties.Twilio settings;

  public PhoneLines(JdbcClient jdbc, TwilioLookupApi lookup, TextbackProperties properties) {
    this.jdbc = jdbc;
    this.lookup = lookup;
    this.settings = properties.twilio();
  }

  /** Why this number cannot be texted ("landline", "undeliverable"), or empty; looks it up if unknown. */
  public Optional<String> notTextableReason(String e164) {
    Optional<Row> known = cached(e164);
    if (known.isPresent()) {
      return known.get().textable() ? Optional.empty() : Optional.ofNullable(known.get().reason());
    }
    if (!settings.lookupEnabled()) {
      return Optional.empty();
    }
    try {
      TwilioLookupResult result = lookup.lookup(e164);
      String type = result.type();
      boolean textable = type == null || !NOT_TEXTABLE.contains(type);
      store(e164, type, textable, textable ? null : type, "lookup");
      return textable ? Optional.empty() : Optional.of(type);
    } catch (RuntimeException e) {
      LOG.warn("Lookup of {} failed ({}); texting anyway", PhoneNumbers.mask(e164), e.getMessage());
      return Optional.empty();
    }
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
