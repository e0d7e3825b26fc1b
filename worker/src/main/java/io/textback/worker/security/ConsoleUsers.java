package io.textback.worker.security;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The logins invited from the console (tables console_user and user_invite). An invite is a one-time
 * link: its token is random, kept only as its SHA-256, good once and until it expires; accepting it
 * makes the login with the role and businesses the admin chose, and the password the person chose,
 * kept only as its hash.
 */
@Repository
public class ConsoleUsers {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper();
  private final JdbcClient jdbc;
  private final Clock clock;

  public ConsoleUsers(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<UserDetails> find(String username) {
    return jdbc.sql("select username, password_hash, role, businesses::text from console_user where username = :u")
        .param("u", username.trim().toLowerCase(java.util.Locale.ROOT))
        .query((rs, i) -> Logins.login(rs.getString(1), rs.getString(2), rs.getString(3), list(rs.getString(4))))
        .optional();
  }

  public boolean exists(String username) {
    return find(username).isPresent();
  }

  /** A new invite; answers its token (shown to the admin as a link, never stored). */
  public String invite(String email, String role, List<String> businesses, String by, Duration ttl) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.sql("""
            insert into user_invite (token_hash, email, role, businesses, created_by, expires_at)
            values (:h, :e, :r, cast(:b as jsonb), :by, :until)""")
        .param("h", hash(token)).param("e", email).param("r", role).param("b", json(businesses)).param("by", by)
        .param("until", Timestamp.from(clock.instant().plus(ttl))).update();
    return token;
  }

  /** An invite not yet used nor expired. */
  public record Invite(String email, String role, List<String> businesses, Instant expiresAt) {}

  public Optional<Invite> pending(String token) {
    return jdbc.sql("""
            select email, role, businesses::text, expires_at from user_invite
            where token_hash = :h and used_at is null and expires_at > :now""")
        .param("h", hash(token)).param("now", Timestamp.from(clock.instant()))
        .query((rs, i) -> new Invite(rs.getString(1), rs.getString(2), list(rs.getString(3)), rs.getTimestamp(4).toInstant()))
        .optional();
  }

  /** Uses the invite once: the login is made; empty when the link was used, expired or never made. */
  @Transactional
  public Optional<Invite> accept(String token, String passwordHash) {
    Optional<Invite> invite = pending(token);
    if (invite.isEmpty() || jdbc.sql("update user_invite set used_at = :now where token_hash = :h and used_at is null")
        .param("now", Timestamp.from(clock.instant())).param("h", hash(token)).update() != 1) {
      return Optional.empty();
    }
    Invite i = invite.get();
    jdbc.sql("""
            insert into console_user (username, password_hash, role, businesses, invited_by)
            select :u, :p, :r, cast(:b as jsonb), created_by from user_invite where token_hash = :h
            on conflict (username) do update set password_hash = excluded.password_hash, role = excluded.role,
              businesses = excluded.businesses""")
        .param("u", i.email()).param("p", passwordHash).param("r", i.role()).param("b", json(i.businesses()))
        .param("h", hash(token)).update();
    return invite;
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> list(String json) {
    try {
      return JSON.readValue(json, new TypeReference<>() {});
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
