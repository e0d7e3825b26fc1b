package io.textback.worker.security;

import io.textback.worker.TextbackProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A change made with the console's session cookie (not HTTP Basic, which a browser never adds by
 * itself) must come from the console's own origin: the browser's Origin header (or Referer) names
 * this worker. SameSite cookies do not tell apart sibling ports or subdomains, so a page on another
 * port of the same host could otherwise post with the admin's session (logout included).
 */
@Component
public class SameOriginChanges extends OncePerRequestFilter {
  private static final Logger LOG = LoggerFactory.getLogger(SameOriginChanges.class);
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private final String publicOrigin;

  public SameOriginChanges(TextbackProperties properties) {
    this.publicOrigin = origin(properties.publicBaseUrl());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (SAFE.contains(request.getMethod()) || !cookieSession(request) || request.getServletPath().startsWith("/webhooks/")
        || "/login".equals(request.getServletPath())) {
      chain.doFilter(request, response);
      return;
    }
    String claimed = request.getHeader("Origin") != null ? request.getHeader("Origin") : origin(request.getHeader("Referer"));
    String own = request.getScheme() + "://" + request.getServerName() + portPart(request.getScheme(), request.getServerPort());
    if (claimed != null && (claimed.equalsIgnoreCase(own) || claimed.equalsIgnoreCase(publicOrigin))) {
      chain.doFilter(request, response);
      return;
    }
    LOG.warn("Refused {} {}: 403 cross-origin change with the console's session (origin {})", request.getMethod(),
        request.getServletPath(), claimed == null ? "not given" : io.textback.connector.twilio.PhoneMask.forLog(claimed));
    response.setStatus(403);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write("refused: a change with the console's login must come from the console itself ("
        + own + "); this request came from " + (claimed == null ? "an unnamed origin" : claimed) + "\n");
  }

  /** Whether the request rides on the session cookie rather than HTTP Basic. */
  private static boolean cookieSession(HttpServletRequest request) {
    String auth = request.getHeader("Authorization");
    boolean basic = auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6);
    return !basic && request.getRequestedSessionId() != null;
  }

  private static String origin(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI uri = URI.create(url.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return null;
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + portPart(scheme, uri.getPort());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String portPart(String scheme, int port) {
    boolean defaultPort = port == -1 || ("http".equalsIgnoreCase(scheme) && port == 80)
        || ("https".equalsIgnoreCase(scheme) && port == 443);
    return defaultPort ? "" : ":" + port;
  }
}
