package io.textback.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One parameter or body field as the vendor documents it: its type, whether it is required, and for
 * objects, arrays and maps what they hold. An object's fields are closed: a name the contract does
 * not list is undocumented and refused.
 */
record ContractField(String type, boolean required, List<String> allowed, ContractField items,
    Map<String, ContractField> fields, ContractField values) {

  static ContractField read(JsonNode node) {
    List<String> allowed = new ArrayList<>();
    node.path("enum").forEach(v -> allowed.add(v.asText()));
    Map<String, ContractField> fields = readAll(node.path("fields"));
    return new ContractField(node.path("type").asText("any"), node.path("required").asBoolean(false), List.copyOf(allowed),
        node.has("items") ? read(node.get("items")) : null, fields,
        node.has("values") ? read(node.get("values")) : null);
  }

  static Map<String, ContractField> readAll(JsonNode node) {
    Map<String, ContractField> fields = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> fields.put(e.getKey(), read(e.getValue())));
    return fields;
  }

  /** What is wrong with a JSON value at {@code path}, if anything. */
  Optional<String> checkJson(String path, JsonNode value) {
    if (value.isNull()) {
      return Optional.of(path + " is null; the vendor types it " + type + " (leave it out when unknown)");
    }
    boolean fits = switch (type) {
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "array" -> value.isArray();
      case "object", "map" -> value.isObject();
      default -> true;
    };
    if (!fits) {
      return Optional.of(path + " is " + kind(value) + "; the vendor types it " + type);
    }
    if (!allowed.isEmpty() && value.isValueNode() && !allowed.contains(value.asText())) {
      return Optional.of(path + " is '" + value.asText() + "'; the vendor allows " + allowed);
    }
    if ("array".equals(type) && items != null) {
      for (int i = 0; i < value.size(); i++) {
        Optional<String> wrong = items.checkJson(path + "[" + i + "]", value.get(i));
        if (wrong.isPresent()) {
          return wrong;
        }
      }
    }
    if ("map".equals(type) && values != null) {
      var entries = value.fields();
      while (entries.hasNext()) {
        var e = entries.next();
        Optional<String> wrong = values.checkJson(path + "." + e.getKey(), e.getValue());
        if (wrong.isPresent()) {
          return wrong;
        }
      }
    }
    if ("object".equals(type)) {
      return checkObject(path, value, fields);
    }
    return Optional.empty();
  }

  static Optional<String> checkObject(String path, JsonNode value, Map<String, ContractField> fields) {
    String prefix = path.isEmpty() ? "" : path + ".";
    var names = value.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!fields.containsKey(name)) {
        return Optional.of(prefix + name + " is not a documented field (documented: " + fields.keySet() + ")");
      }
    }
    for (var e : fields.entrySet()) {
      JsonNode v = value.get(e.getKey());
      if (v == null) {
        if (e.getValue().required()) {
          return Optional.of(prefix + e.getKey() + " is required");
        }
        continue;
      }
      Optional<String> wrong = e.getValue().checkJson(prefix + e.getKey(), v);
      if (wrong.isPresent()) {
        return wrong;
      }
    }
    return Optional.empty();
  }

  /** What is wrong with a form or query value (always text on the wire), if anything. */
  Optional<String> checkText(String name, List<String> values) {
    if (!"array".equals(type) && values.size() > 1) {
      return Optional.of(name + " is given " + values.size() + " times; the vendor takes one " + type);
    }
    ContractField each = "array".equals(type) && items != null ? items : this;
    for (String v : values) {
      boolean fits = switch (each.type) {
        case "integer" -> v.matches("-?\\d+");
        case "number" -> v.matches("-?\\d+(\\.\\d+)?");
        case "boolean" -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
        default -> true;
      };
      if (!fits) {
        return Optional.of(name + " is '" + v + "'; the vendor types it " + each.type);
      }
      if (!each.allowed.isEmpty() && !each.allowed.contains(v)) {
        return Optional.of(name + " is '" + v + "'; the vendor allows " + each.allowed);
      }
    }
    return Optional.empty();
  }

  private static String kind(JsonNode v) {
    if (v.isTextual()) {
      return "a string (\"" + v.asText() + "\")";
    }
    if (v.isIntegralNumber()) {
      return "an integer";
    }
    if (v.isNumber()) {
      return "a number";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    return v.isArray() ? "an array" : "an object";
  }
}
