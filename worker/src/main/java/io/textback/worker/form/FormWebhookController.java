package io.textback.worker.form;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.web.RequestRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/forms/{businessId}}: a web form submission, JSON or form-encoded, signed
 * with the business's form secret. Stored first (a repeat of the same submission is acknowledged and
 * dropped), then form-auto-response.bpmn is started; the text goes out from there within a second.
 */
@RestController
public class FormWebhookController {
  private final BusinessDirectory businesses;
  private final FormIntake intake;
  private final ObjectMapper json;

  public FormWebhookController(BusinessDirectory businesses, FormIntake intake, ObjectMapper json) {
    this.businesses = businesses;
    this.intake = intake;
    this.json = json;
  }

  @PostMapping("/webhooks/forms/{businessId}")
  public ResponseEntity<Map<String, Object>> submit(@PathVariable String businessId, HttpServletRequest request) {
    Business business = businesses.requireForRequest(businessId);
    byte[] body = FormBodies.read(request);
    if (business.formSecret() == null || business.formSecret().isBlank()) {
      throw new RequestRejectedException(HttpStatus.FORBIDDEN,
          "forms are off for " + businessId + ": set its form-secret to sign them");
    }
    if (!FormSignature.matches(business.formSecret(), body, request.getHeader(FormSignature.HEADER))) {
      throw new RequestRejectedException(HttpStatus.FORBIDDEN, request.getHeader(FormSignature.HEADER) == null
          ? "missing " + FormSignature.HEADER : FormSignature.HEADER + " does not match the body");
    }
    Map<String, String> fields = parse(body, request.getContentType());
    String rateKey = "form:" + business.id() + ":" + submitterAddress(request);
    return intake.accept(business, fields, FormBodies.submissionId(fields, request.getHeader("Idempotency-Key"), body), rateKey);
  }

  /** Set by the site's server to its visitor's address; a visitor cannot set a header through the site. */
  static final String VISITOR_HEADER = "X-Textback-Visitor-Ip";
  /** An IPv4 or IPv6 literal (no host names: nothing is looked up). */
  private static final java.util.regex.Pattern IP = java.util.regex.Pattern.compile(
      "^(\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*)$");

  /**
   * Who sent the form: the visitor's address when the site's server passes it on (a header, never a
   * form field: a site that forwards every field would let the visitor choose it), else the address
   * the request came from.
   */
  static String submitterAddress(HttpServletRequest request) {
    String value = request.getHeader(VISITOR_HEADER);
    if (value != null && value.strip().length() <= 45 && IP.matcher(value.strip()).matches()) {
      try {
        // a literal (checked above), so nothing is looked up; one spelling per address
        byte[] address = java.net.InetAddress.getByName(value.strip()).getAddress();
        if (address.length == 16) {
          // an IPv6 visitor holds a whole /64: count that, not each of its addresses
          return java.net.InetAddress.getByAddress(java.util.Arrays.copyOf(java.util.Arrays.copyOf(address, 8), 16))
              .getHostAddress() + "/64";
        }
        return java.net.InetAddress.getByAddress(address).getHostAddress();
      } catch (java.net.UnknownHostException notAnAddress) {
        // falls through to the connecting address
      }
    }
    return request.getRemoteAddr();
  }

  private Map<String, String> parse(byte[] body, String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase();
    if (type.startsWith("application/json")) {
      Map<String, String> fields = new LinkedHashMap<>();
      FormBodies.jsonObject(json, body).fields().forEachRemaining(f -> fields.put(f.getKey(), FormBodies.text(f.getValue())));
      return fields;
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        try {
          String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
          String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
          fields.putIfAbsent(key, value);
        } catch (IllegalArgumentException e) {
          throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "the form body is not valid URL encoding");
        }
      }
      return fields;
    }
    throw new RequestRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "send application/json or application/x-www-form-urlencoded");
  }
}
