package io.textback.worker.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guessing a password is slowed to a stop: after {@link #MAX_FAILURES} wrong logins for one user
 * name from one address within {@link #WINDOW}, every login as that name from there (form or
 * Basic, right password or not) is refused with 429 and the time left, until the window has passed
 * since the last failure. Keyed by address too, so a stranger's guesses cannot lock the admin (or
 * Prometheus) out everywhere; names compare in lower case, as the logins do. A right login clears
 * the count.
 */
@Component
public class LoginThrottle extends OncePerRequestFilter {
  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(5);
  private static final org.springframework.security.web.authentication.www.BasicAuthenticationConverter BASIC =
      new org.springframework.security.web.authentication.www.BasicAuthenticationConverter();
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  @EventListener
  void failed(AuthenticationFailureBadCredentialsEvent event) {
    String key = key(String.valueOf(event.getAuthentication().getName()), addressOf(event.getAuthentication()));
    if (failures.size() > 10_000) {
      Instant old = clock.instant().minus(WINDOW);
      failures.values().removeIf(times -> {
        synchronized (times) {
          return times.isEmpty() || times.peekLast().isBefore(old);
        }
      });
    }
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(clock.instant());
      while (times.size() > MAX_FAILURES) {
        times.removeFirst();
      }
    }
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    failures.remove(key(String.valueOf(event.getAuthentication().getName()), addressOf(event.getAuthentication())));
  }

  static String key(String name, String address) {
    return name.toLowerCase(java.util.Locale.ROOT) + "@" + address;
  }

  /** The client's address Spring Security noted with the attempt ("" when it did not). */
  private static String addressOf(org.springframework.security.core.Authentication authentication) {
    return authentication.getDetails() instanceof org.springframework.security.web.authentication.WebAuthenticationDetails d
        && d.getRemoteAddress() != null ? d.getRemoteAddress() : "";
  }

  /** How long logins as this name from this address stay refused, if they are. */
  Optional<Duration> lockedFor(String name, String address) {
    Deque<Instant> times = failures.get(key(name, address));
    if (times == null) {
      return Optional.empty();
    }
    synchronized (times) {
      Instant now = clock.instant();
      times.removeIf(t -> t.isBefore(now.minus(WINDOW)));
      if (times.size() < MAX_FAILURES) {
        return Optional.empty();
      }
      return Optional.of(Duration.between(now, times.peekLast().plus(WINDOW)));
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> name = loginName(request);
    Optional<Duration> locked = name.flatMap(n -> lockedFor(n, request.getRemoteAddr()));
    if (locked.isPresent()) {
      long seconds = Math.max(1, locked.get().toSeconds());
      LOG.warn("Login as {} from {} refused: {} wrong passwords within {} min",
          io.textback.connector.twilio.PhoneMask.forLog(name.get()), request.getRemoteAddr(), MAX_FAILURES, WINDOW.toMinutes());
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(seconds));
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write("Too many wrong passwords for " + name.get() + ": logins as " + name.get()
          + " are refused for " + seconds + " s more.");
      return;
    }
    chain.doFilter(request, response);
  }

  /** The user name a request logs in as: the login form's, or HTTP Basic's. */
  private static Optional<String> loginName(HttpServletRequest request) {
    if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
      return Optional.ofNullable(request.getParameter("username"));
    }
    try {
      // Spring Security's own reading of the Basic header, as its filter will read it next.
      return Optional.ofNullable(BASIC.convert(request)).map(token -> token.getName());
    } catch (org.springframework.security.core.AuthenticationException e) {
      return Optional.empty();
    }
  }
}
