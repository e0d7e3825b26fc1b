package io.textback.testkit.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A vendor's operations and callbacks as its published files document them: our own compact
 * statement of the facts textback uses (contracts/*.json, each entry citing the spec file and commit
 * or the doc page it came from). The fakes check every request against it and refuse what the
 * vendor would refuse, in the vendor's error shape.
 */
public final class VendorContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, VendorContract> LOADED = new java.util.concurrent.ConcurrentHashMap<>();
  private final String vendor;
  private final String file;
  private final JsonNode errors;
  private final List<ContractOperation> operations;
  private final Map<String, Callback> callbacks;
  /** Twilio takes a request with an unknown parameter, ignores it and logs warning 20001. */
  private final boolean ignoresUnknownParameters;

  /** A callback the vendor sends us: the parameters it always sends, and those it sends only sometimes. */
  public record Callback(String id, List<String> always, List<String> optional) {
    /** Whether {@code name} is one the vendor documents for this callback ({N} stands for an index). */
    public boolean documents(String name) {
      return always.contains(name) || optional.stream().anyMatch(o -> name.matches(
          java.util.regex.Pattern.quote(o).replace("{N}", "\\E\\d+\\Q")));
    }
  }

  /** What the contract says of one request: the operation it is, or how the vendor refuses it. */
  public record Verdict(Optional<ContractOperationRef> operation, Optional<ContractViolation> violation) {}

  /** The operation a request was, as the fakes need it after answering. */
  public record ContractOperationRef(String id, int success) {}

  private VendorContract(String file, JsonNode root) {
    this.file = file;
    this.vendor = root.path("vendor").asText();
    this.errors = root.path("errors");
    List<ContractOperation> ops = new ArrayList<>();
    root.path("operations").forEach(o -> ops.add(ContractOperation.read(o)));
    this.operations = List.copyOf(ops);
    Map<String, Callback> cbs = new LinkedHashMap<>();
    root.path("callbacks").forEach(c -> cbs.put(c.path("id").asText(),
        new Callback(c.path("id").asText(), texts(c.path("always")), texts(c.path("optional")))));
    this.callbacks = Map.copyOf(cbs);
    this.ignoresUnknownParameters = root.path("ignoresUnknownParameters").asBoolean(false);
  }

  public static VendorContract twilio() {
    return load("contracts/twilio.json");
  }

  public static VendorContract hubspot() {
    return load("contracts/hubspot.json");
  }

  public static VendorContract gohighlevel() {
    return load("contracts/gohighlevel.json");
  }

  private static VendorContract load(String resource) {
    return LOADED.computeIfAbsent(resource, r -> {
      try (InputStream in = VendorContract.class.getClassLoader().getResourceAsStream(r)) {
        if (in == null) {
          throw new IllegalStateException("no contract " + r + " on the classpath");
        }
        return new VendorContract(r, JSON.readTree(in));
      } catch (IOException e) {
        throw new IllegalStateException("contract " + r + " is not readable JSON", e);
      }
    });
  }

  public String vendor() {
    return vendor;
  }

  public Callback callback(String id) {
    Callback c = callbacks.get(id);
    if (c == null) {
      throw new IllegalArgumentException(file + " documents no callback " + id + " (it has " + callbacks.keySet() + ")");
    }
    return c;
  }

  /** The operations of this contract, as (method path) lines. */
  public List<String> operationLines() {
    return operations.stream().map(o -> o.method() + " " + o.path()).toList();
  }

  /** The operation a method and path are, if the contract has it. */
  public Optional<ContractOperationRef> operationOf(String method, String path) {
    return operations.stream().filter(o -> o.matches(method, path)).findFirst()
        .map(o -> new ContractOperationRef(o.id(), o.success()));
  }

  /** Checks one request: which operation it is, or the first thing the vendor would refuse it for. */
  public Verdict check(ContractRequest r, FakeCredentials credentials) {
    List<ContractOperation> candidates = operations.stream().filter(o -> o.matches(r.method(), r.path())).toList();
    if (candidates.isEmpty()) {
      return refused(null, r, 404, null, "no such operation: " + vendor + " publishes no " + r.line() + hint(r));
    }
    ContractOperation op = candidates.get(0);
    Optional<String> unauthorized = authProblem(op, r, credentials);
    if (unauthorized.isPresent()) {
      return refused(op, r, 401, null, unauthorized.get());
    }
    Optional<String> header = headers(r, op);
    if (header.isPresent()) {
      return refused(op, r, 400, null, header.get());
    }
    // Undocumented parameters Twilio ignores are noted, and the rest of the request is still checked:
    // a stray parameter must not hide a missing To.
    List<String> ignored = new ArrayList<>();
    Optional<String> wrong = parameters("query parameter", r.query(), op.query() == null ? Map.of() : op.query(), op, ignored);
    if (wrong.isEmpty() && op.form() != null) {
      wrong = form(r, op, ignored);
    }
    if (wrong.isEmpty() && op.form() == null) {
      wrong = body(r, op);
    }
    if (wrong.isPresent()) {
      return refused(op, r, 400, codeFor(op, wrong.get()), wrong.get());
    }
    if (!ignored.isEmpty()) {
      return refused(op, r, op.success(), null, String.join("; ", ignored));
    }
    return new Verdict(Optional.of(new ContractOperationRef(op.id(), op.success())), Optional.empty());
  }

  /** The vendor's error body for a refusal (errors.unauthorized / notFound / invalid in the contract). */
  public String errorBody(ContractViolation v) {
    String kind = v.status() == 401 ? "unauthorized" : v.status() == 404 ? "notFound" : "invalid";
    JsonNode template = errors.path(kind).path("body");
    JsonNode body = fill(template.deepCopy(), Map.of("{message}", v.problem(), "{path}", v.request().replaceAll("^\\S+ ", ""),
        "{correlationId}", UUID.randomUUID().toString()));
    if (v.code() != null && body.isObject() && body.has("code")) {
      ((ObjectNode) body).put("code", v.code());
      if (body.has("more_info")) {
        ((ObjectNode) body).put("more_info", "https://www.twilio.com/docs/errors/" + v.code());
      }
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode fill(JsonNode node, Map<String, String> values) {
    if (node.isTextual()) {
      String s = node.asText();
      for (var e : values.entrySet()) {
        s = s.replace(e.getKey(), e.getValue());
      }
      return TextNode.valueOf(s);
    }
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      names.forEach(n -> o.set(n, fill(o.get(n), values)));
    }
    return node;
  }

  private Verdict refused(ContractOperation op, ContractRequest r, int status, Integer code, String problem) {
    return new Verdict(Optional.ofNullable(op).map(o -> new ContractOperationRef(o.id(), o.success())),
        Optional.of(new ContractViolation(vendor, r.line(), op == null ? null : op.id(), status, code, problem)));
  }

  /** Names the published versions of the same path, when the request used another. */
  private String hint(ContractRequest r) {
    List<String> same = operations.stream().filter(o -> o.matchesAtAnyVersion(r.method(), r.path()))
        .map(ContractOperation::path).toList();
    return same.isEmpty() ? "" : " (the contract has it as " + String.join(", ", same) + ": is the API version wrong?)";
  }

  private Optional<String> authProblem(ContractOperation op, ContractRequest r, FakeCredentials credentials) {
    String header = r.authorization();
    switch (op.auth()) {
      case "bearer" -> {
        if (header == null || !header.startsWith("Bearer ")) {
          return Optional.of("no Bearer token in the Authorization header");
        }
        return credentials.isGood(header.substring(7).trim()) ? Optional.empty()
            : Optional.of("the Bearer token is not one this portal issued");
      }
      case "developerKey" -> {
        List<String> key = r.query().getOrDefault("hapikey", List.of());
        return key.size() == 1 && credentials.isGood(key.get(0)) ? Optional.empty()
            : Optional.of("no valid developer API key in the hapikey query parameter");
      }
      case "basic" -> {
        if (header == null || !header.startsWith("Basic ")) {
          return Optional.of("no Basic credentials in the Authorization header");
        }
        String decoded;
        try {
          decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return Optional.of("the Basic credentials are not base64");
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String secret = colon < 0 ? "" : decoded.substring(colon + 1);
        boolean accountInPath = r.path().contains("/Accounts/" + user + "/") || !r.path().contains("/Accounts/");
        boolean userFits = user.matches("SK[0-9a-fA-F]{32}") || (user.matches("AC[0-9a-fA-F]{32}") && accountInPath);
        if (!userFits) {
          return Optional.of("the Basic user '" + user + "' is neither the path's Account SID nor an API key SID");
        }
        return credentials.isGood(secret) ? Optional.empty() : Optional.of("the auth token or API key secret is wrong");
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** The headers the operation requires (HighLevel's Version per call), present and with a documented value. */
  private static Optional<String> headers(ContractRequest r, ContractOperation op) {
    for (var e : op.headers().entrySet()) {
      String value = r.headers().get(e.getKey().toLowerCase(java.util.Locale.ROOT));
      if (value == null || value.isBlank()) {
        if (e.getValue().required()) {
          return Optional.of("the header " + e.getKey() + " is required for " + op.id());
        }
        continue;
      }
      Optional<String> wrong = e.getValue().checkText("the header " + e.getKey(), List.of(value));
      if (wrong.isPresent()) {
        return wrong;
      }
    }
    return Optional.empty();
  }

  private Optional<String> parameters(String what, Map<String, List<String>> given, Map<String, ContractField> documented,
      ContractOperation op, List<String> ignored) {
    for (var e : given.entrySet()) {
      ContractField f = documented.get(e.getKey());
      if (f == null) {
        String problem = "the " + what + " " + e.getKey() + " is not documented for " + op.id()
            + " (documented: " + documented.keySet() + ")";
        if (!ignoresUnknownParameters) {
          return Optional.of(problem);
        }
        ignored.add(problem);
        continue;
      }
      Optional<String> wrong = f.checkText(e.getKey(), e.getValue());
      if (wrong.isPresent()) {
        return wrong;
      }
    }
    for (var e : documented.entrySet()) {
      if (e.getValue().required() && !present(given, e.getKey())) {
        return Optional.of("the " + what + " " + e.getKey() + " is required");
      }
    }
    return Optional.empty();
  }

  /** A parameter given only as blank is missing, as the vendors read it ("To=" has no To). */
  private static boolean present(Map<String, List<String>> given, String name) {
    return given.getOrDefault(name, List.of()).stream().anyMatch(v -> !v.isBlank());
  }

  private Optional<String> form(ContractRequest r, ContractOperation op, List<String> ignored) {
    if (r.form() == null) {
      return Optional.of("the body must be form-encoded (application/x-www-form-urlencoded)");
    }
    Optional<String> wrong = parameters("parameter", r.form(), op.form(), op, ignored);
    if (wrong.isPresent()) {
      return wrong;
    }
    for (List<String> group : op.oneOf()) {
      long given = group.stream().filter(n -> present(r.form(), n)).count();
      if (given != 1) {
        return Optional.of("exactly one of " + group + " is required (" + given + " given)");
      }
    }
    for (List<String> group : op.anyOf()) {
      if (group.stream().noneMatch(n -> present(r.form(), n))) {
        return Optional.of("one of " + group + " is required");
      }
    }
    return Optional.empty();
  }

  private Optional<String> body(ContractRequest r, ContractOperation op) {
    boolean empty = r.body() == null || r.body().isBlank();
    if (op.body() == null) {
      return empty ? Optional.empty() : Optional.of("this operation takes no body");
    }
    if (empty) {
      return op.body().required() || "object".equals(op.body().type()) ? Optional.of("the JSON body is missing") : Optional.empty();
    }
    JsonNode json;
    try {
      json = JSON.readTree(r.body());
    } catch (JsonProcessingException e) {
      return Optional.of("the body is not JSON: " + e.getOriginalMessage());
    }
    return "object".equals(op.body().type()) && json.isObject()
        ? ContractField.checkObject("", json, op.body().fields())
        : op.body().checkJson("body", json);
  }

  /** Twilio's own code for a missing parameter, when the problem is one. */
  private static Integer codeFor(ContractOperation op, String problem) {
    for (var e : op.missingCodes().entrySet()) {
      boolean groupStartingWith = problem.startsWith("one of [" + e.getKey() + ",")
          || problem.startsWith("exactly one of [" + e.getKey() + ",") && problem.endsWith("(0 given)");
      if (problem.equals("the parameter " + e.getKey() + " is required") || groupStartingWith) {
        return e.getValue();
      }
    }
    return null;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }
}
