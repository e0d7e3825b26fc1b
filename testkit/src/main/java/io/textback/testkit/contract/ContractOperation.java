package io.textback.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One vendor operation textback may call: method, path with its version ({name} is one segment),
 * how it authenticates, the status it answers on success, and its parameters and body.
 *
 * @param query null when the operation takes no query parameters
 * @param form the form-encoded body's parameters, null when the body is not a form
 * @param body the JSON body, null when there is none
 * @param oneOf groups of form parameters of which exactly one must be given
 * @param anyOf groups of form parameters of which at least one must be given
 * @param missingCodes the vendor's error code for a missing parameter, where it has its own
 * @param headers headers the operation requires, by name (HighLevel's Version), empty when none
 */
record ContractOperation(String id, String source, String method, String path, Pattern pattern, String auth,
    int success, Map<String, ContractField> query, Map<String, ContractField> form, ContractField body,
    List<List<String>> oneOf, List<List<String>> anyOf, Map<String, Integer> missingCodes,
    Map<String, ContractField> headers) {

  static ContractOperation read(JsonNode node) {
    String path = node.path("path").asText();
    Map<String, Integer> missingCodes = new java.util.HashMap<>();
    node.path("missingCodes").fields().forEachRemaining(e -> missingCodes.put(e.getKey(), e.getValue().asInt()));
    return new ContractOperation(node.path("id").asText(), node.path("source").asText(), node.path("method").asText(),
        path, template(path), node.path("auth").asText("none"), node.path("success").asInt(200),
        node.has("query") ? ContractField.readAll(node.get("query")) : null,
        node.has("form") ? ContractField.readAll(node.get("form")) : null,
        node.has("body") ? ContractField.read(node.get("body")) : null,
        groups(node.path("oneOf")), groups(node.path("anyOf")), Map.copyOf(missingCodes),
        node.has("headers") ? ContractField.readAll(node.get("headers")) : Map.of());
  }

  private static List<List<String>> groups(JsonNode node) {
    List<List<String>> groups = new ArrayList<>();
    node.forEach(g -> {
      List<String> names = new ArrayList<>();
      g.forEach(n -> names.add(n.asText()));
      groups.add(List.copyOf(names));
    });
    return List.copyOf(groups);
  }

  boolean matches(String method, String requestPath) {
    return this.method.equalsIgnoreCase(method) && pattern.matcher(requestPath).matches();
  }

  /** Whether {@code requestPath} is this operation's path at another version (v3, 2026-03, 2026-09-beta). */
  boolean matchesAtAnyVersion(String method, String requestPath) {
    return this.method.equalsIgnoreCase(method)
        && template(unversioned(path)).matcher(unversioned(requestPath)).matches();
  }

  /** A path template as a pattern: each {name} is one segment. */
  private static Pattern template(String path) {
    return Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
  }

  private static String unversioned(String path) {
    return path.replaceAll("/(v\\d+|\\d{4}-\\d{2}(-beta)?)(?=/|$)", "/{version}");
  }
}
