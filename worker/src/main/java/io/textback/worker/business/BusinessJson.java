package io.textback.worker.business;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A business written as JSON (the console, /api/businesses) read exactly as the businesses file is:
 * the same names (camelCase or kebab-case), the same defaults, the same durations ("5m") and times,
 * so one set of rules checks both.
 */
public final class BusinessJson {
  private BusinessJson() {}

  /** The settings, or a reason that names the field when a value has the wrong shape ("ringCount": "four"). */
  public static BusinessSettings bind(Map<String, Object> json) {
    Map<String, Object> flat = new LinkedHashMap<>();
    flatten("business", json, flat);
    try {
      return new Binder(new MapConfigurationPropertySource(flat)).bindOrCreate("business", BusinessSettings.class);
    } catch (BindException e) {
      String field = e.getName().toString().replaceFirst("^business\\.", "");
      Throwable cause = e.getCause();
      while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      throw new IllegalArgumentException(field + ": " + (cause == null ? e.getMessage() : cause.getMessage()));
    }
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Object value, Map<String, Object> out) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> flatten(prefix + "." + kebab(String.valueOf(k)), v, out));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        flatten(prefix + "[" + i + "]", list.get(i), out);
      }
    } else if (value != null) {
      out.put(prefix, String.valueOf(value));
    }
  }

  /** ringCount → ring-count: the form the configuration's names take. */
  static String kebab(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
