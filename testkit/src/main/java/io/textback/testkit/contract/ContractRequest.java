package io.textback.testkit.contract;

import java.util.List;
import java.util.Map;

/**
 * A request as the vendor receives it, whatever served it: method, path, query and form parameters,
 * the raw body, the Authorization header (null when none was sent) and the other headers.
 *
 * @param form the form-encoded body's parameters, or null when the body is not a form
 * @param headers every header by its lower-case name (first value)
 */
public record ContractRequest(String method, String path, Map<String, List<String>> query,
    Map<String, List<String>> form, String body, String authorization, Map<String, String> headers) {

  public ContractRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> form,
      String body, String authorization) {
    this(method, path, query, form, body, authorization, Map.of());
  }

  public String line() {
    return method + " " + path;
  }
}
