package io.textback.worker.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.worker.web.RequestRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Reading a form webhook's body, the same for every entry point: its size, its JSON, its submission id. */
public final class FormBodies {
  static final int MAX_BODY = 64 * 1024;

  private FormBodies() {}

  public static byte[] read(HttpServletRequest request) {
    if (request.getContentLengthLong() > MAX_BODY) {
      throw tooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        throw tooLarge();
      }
      return body;
    } catch (IOException e) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "could not read the body: " + e.getMessage());
    }
  }

  private static RequestRejectedException tooLarge() {
    return new RequestRejectedException(HttpStatus.PAYLOAD_TOO_LARGE, "a form body is at most 64 KiB");
  }

  public static JsonNode jsonObject(ObjectMapper json, byte[] body) {
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "the body must be a JSON object of form fields");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "could not read the body: " + e.getMessage());
    }
  }

  /** A JSON field as a form field: a string, number or boolean as written; anything else as JSON. */
  public static String text(JsonNode node) {
    return node.isValueNode() ? node.asText() : node.toString();
  }

  /** The form's own id when it sends one; otherwise the same body is the same submission. */
  public static String submissionId(Map<String, String> fields, String idempotencyKey, byte[] body) {
    String given = fields.get("submissionId");
    if (given == null || given.isBlank()) {
      given = idempotencyKey;
    }
    if (given != null && !given.isBlank()) {
      if (!given.matches("[A-Za-z0-9._:-]{1,100}")) {
        throw new RequestRejectedException(HttpStatus.BAD_REQUEST,
            "submissionId must be 1 to 100 letters, digits, '.', '_', ':' or '-'");
      }
      return given;
    }
    try {
      return "sha256-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
