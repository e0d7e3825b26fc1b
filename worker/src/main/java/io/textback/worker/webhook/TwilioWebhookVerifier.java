package io.textback.worker.webhook;

import io.textback.worker.web.RequestRejectedException;

import io.textback.connector.twilio.signature.TwilioSignature;
import io.textback.worker.TextbackProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks X-Twilio-Signature against the public URL (textback.public-base-url + path + query, as
 * Twilio saw it before any proxy) and returns the form parameters Twilio signed.
 */
@Component
public class TwilioWebhookVerifier {
  public static final String HEADER = "X-Twilio-Signature";
  private final String publicBaseUrl;
  private final String authToken;

  public TwilioWebhookVerifier(TextbackProperties properties) {
    this.publicBaseUrl = properties.publicBaseUrl();
    this.authToken = properties.twilio().authToken();
  }

  /** The signed form parameters, one value each; 403 when the signature is missing or wrong. */
  public Map<String, String> verify(HttpServletRequest request) {
    String url = publicBaseUrl + request.getRequestURI()
        + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    Map<String, List<String>> form = formParameters(request);
    if (authToken == null || authToken.isBlank()) {
      throw new RequestRejectedException(HttpStatus.FORBIDDEN,
          "textback.twilio.auth-token is not set: Twilio's signatures cannot be checked");
    }
    String signature = request.getHeader(HEADER);
    if (signature == null || signature.isBlank()) {
      throw new RequestRejectedException(HttpStatus.FORBIDDEN, "missing " + HEADER);
    }
    if (!TwilioSignature.isValid(authToken, url, form, signature)) {
      throw new RequestRejectedException(HttpStatus.FORBIDDEN,
          HEADER + " does not match (signed URL must be " + url + ")");
    }
    Map<String, String> single = new LinkedHashMap<>();
    form.forEach((k, v) -> single.put(k, v.isEmpty() ? "" : v.get(0)));
    return single;
  }

  /** The servlet merges query and body parameters; Twilio signs the body ones after the URL. */
  private static Map<String, List<String>> formParameters(HttpServletRequest request) {
    Set<String> inQuery = new HashSet<>();
    if (request.getQueryString() != null) {
      for (String pair : request.getQueryString().split("&")) {
        inQuery.add(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
      }
    }
    Map<String, List<String>> form = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> {
      if (!inQuery.contains(name)) {
        form.put(name, Arrays.asList(values));
      }
    });
    return form;
  }
}
