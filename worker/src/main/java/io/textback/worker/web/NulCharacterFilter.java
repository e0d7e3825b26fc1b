package io.textback.worker.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses webhook and API requests that carry a NUL character (raw, or as JSON's \u0000), with a
 * 400 that says so. No provider sends one, PostgreSQL cannot store one, and without this check such
 * a request reached the database and came back as a 500 (found by WebhookFuzzPropertiesTest; MalformedWebhookTest keeps it fixed).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class NulCharacterFilter extends OncePerRequestFilter {
  private static final Logger LOG = LoggerFactory.getLogger(NulCharacterFilter.class);
  static final int MAX_CACHED_BODY = 256 * 1024;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !(path.startsWith("/webhooks/") || path.startsWith("/api/")) || !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_CACHED_BODY + 1);
    if (body.length > MAX_CACHED_BODY) {
      LOG.warn("Refused {} {}: 413 body over {} bytes", request.getMethod(), request.getRequestURI(), MAX_CACHED_BODY);
      response.setStatus(413);
      response.setContentType(MediaType.TEXT_PLAIN_VALUE);
      response.getWriter().write("the request's body is over 256 KiB\n");
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
    boolean form = type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    // raw, JSON-escaped, or form-encoded (the query string is checked with the body)
    String query = request.getQueryString() == null ? "" : request.getQueryString().toLowerCase();
    if (query.contains("%00") || text.indexOf('\0') >= 0 || text.contains("\\u0000") || (form && text.toLowerCase().contains("%00"))) {
      refuse(request, response, "body");
      return;
    }
    chain.doFilter(new CachedBody(request, body, form), response);
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, String where) throws IOException {
    LOG.warn("Refused {} {}: 400 NUL character in the {}", request.getMethod(), request.getRequestURI(), where);
    response.setStatus(400);
    response.setContentType(MediaType.TEXT_PLAIN_VALUE);
    response.getWriter().write("the request's " + where + " contains a NUL character (\\u0000), which textback does not accept\n");
  }

  /** The request with its body read once, served again to the controller (which may check a signature over it). */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    private final boolean form;
    private Map<String, String[]> parameters;

    CachedBody(HttpServletRequest request, byte[] body, boolean form) {
      super(request);
      this.body = body;
      this.form = form;
    }

    /** The container parses form parameters from the stream this filter has read, so they are parsed here. */
    @Override
    public Map<String, String[]> getParameterMap() {
      if (parameters == null) {
        Map<String, java.util.List<String>> values = new java.util.LinkedHashMap<>();
        String query = getQueryString();
        for (String source : new String[] {query, form ? new String(body, StandardCharsets.UTF_8) : null}) {
          if (source == null || source.isEmpty()) {
            continue;
          }
          for (String pair : source.split("&")) {
            if (pair.isEmpty()) {
              continue;
            }
            int eq = pair.indexOf('=');
            String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
          }
        }
        Map<String, String[]> map = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> map.put(k, v.toArray(String[]::new)));
        parameters = java.util.Collections.unmodifiableMap(map);
      }
      return parameters;
    }

    @Override
    public String getParameter(String name) {
      String[] values = getParameterMap().get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public java.util.Enumeration<String> getParameterNames() {
      return java.util.Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return getParameterMap().get(name);
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
