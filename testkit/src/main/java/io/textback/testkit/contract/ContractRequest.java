package io.textback.testkit.contract;

import java.util.List;
import java.util.Map;

/**
 * A request as the vendor receives it, whatever served it: method, path, query and form parameters,
 * the raw body and the Authorization header (null when none was sent).
 *
 * @param form the form-encoded body's parameters, or null when the body is not a form
 */
public record ContractRequest(String method, String path, Map<String, List<String>> query,
    Map<String, List<String>> form, String body, String authorization) {

  public String line() {
    return method + " " + path;
  }
}
