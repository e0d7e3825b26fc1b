package io.textback.worker.business;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The businesses added outside the configuration (tables business_setting and business_change): each
 * as the JSON it was written in, and every change with who made it. At start each is read back into
 * the directory before any job runs; one that no longer passes the checks (a rule that tightened) is
 * left out with a warning that says why, rather than stopping every other business.
 */
@Repository
public class BusinessStore {
  private static final Logger LOG = LoggerFactory.getLogger(BusinessStore.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final JdbcClient jdbc;

  public BusinessStore(JdbcClient jdbc, BusinessDirectory directory) {
    this.jdbc = jdbc;
    for (Map.Entry<String, Map<String, Object>> stored : stored().entrySet()) {
      List<String> problems = new ArrayList<>();
      try {
        directory.check(BusinessJson.bind(stored.getValue()), problems)
            .flatMap(b -> directory.put(b, false)).ifPresent(problems::add);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
      if (!problems.isEmpty()) {
        LOG.warn("Business {} (added in the console) is not loaded: {}", stored.getKey(), problems);
      }
    }
  }

  private Map<String, Map<String, Object>> stored() {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    jdbc.sql("select id, settings::text from business_setting order by created_at").query((rs, i) -> {
      out.put(rs.getString(1), read(rs.getString(2)));
      return null;
    }).list();
    return out;
  }

  public boolean isStored(String id) {
    return jdbc.sql("select exists (select 1 from business_setting where id = :id)").param("id", id)
        .query(Boolean.class).single();
  }

  public Map<String, Object> settingsOf(String id) {
    return jdbc.sql("select settings::text from business_setting where id = :id").param("id", id)
        .query(String.class).optional().map(BusinessStore::read).orElse(Map.of());
  }

  /** Keeps the settings (new or changed) and the change, the form secret left out of the change log. */
  public void save(String id, Map<String, Object> settings, String change, String who) {
    jdbc.sql("""
            insert into business_setting (id, settings, updated_by) values (:id, cast(:s as jsonb), :who)
            on conflict (id) do update set settings = excluded.settings, updated_at = now(), updated_by = excluded.updated_by""")
        .param("id", id).param("s", write(settings)).param("who", who).update();
    Map<String, Object> logged = new LinkedHashMap<>(settings);
    logged.remove("formSecret");
    logged.remove("form-secret");
    jdbc.sql("insert into business_change (business_id, change, changed_by, settings) values (:id, :c, :who, cast(:s as jsonb))")
        .param("id", id).param("c", change).param("who", who).param("s", write(logged)).update();
  }

  public record Change(String change, String changedBy, Instant changedAt, Map<String, Object> settings) {}

  public List<Change> changes(String id) {
    return jdbc.sql("select change, changed_by, changed_at, settings::text from business_change where business_id = :id order by id")
        .param("id", id)
        .query((rs, i) -> new Change(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), read(rs.getString(4))))
        .list();
  }

  private static Map<String, Object> read(String json) {
    try {
      return JSON.readValue(json, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("business_setting holds JSON it cannot read", e);
    }
  }

  private static String write(Map<String, Object> settings) {
    try {
      return JSON.writeValueAsString(settings);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
