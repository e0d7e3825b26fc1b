package io.textback.worker.schedule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of state texting rules ({@code compliance/state-texting-hours.csv}, each row with its
 * source): the federal window for every state without a row, and the strictest of the rows for a
 * number whose area code spans states.
 */
public final class StateTextingRules {
  private static final String RESOURCE = "/compliance/state-texting-hours.csv";
  private static final String FEDERAL = "*";
  private final Map<String, TextingRule> rows;

  private StateTextingRules(Map<String, TextingRule> rows) {
    if (!rows.containsKey(FEDERAL)) {
      throw new IllegalStateException(RESOURCE + " needs the federal row \"*\"");
    }
    this.rows = Map.copyOf(rows);
  }

  public static StateTextingRules standard() {
    try (InputStream in = StateTextingRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static StateTextingRules parse(List<String> lines) {
    Map<String, TextingRule> rows = new LinkedHashMap<>();
    boolean header = true;
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      String[] c = line.split(",", 7);
      if (c.length != 7) {
        throw new IllegalStateException(RESOURCE + ": a row needs 7 columns: " + line);
      }
      rows.put(c[0].trim(), TextingRule.row(c[0].trim(), window(c[1]), window(c[2]), window(c[3]),
          c[4].trim().equals("closed"), c[5].isBlank() ? null : Integer.valueOf(c[5].trim()), c[6].trim()));
    }
    return new StateTextingRules(rows);
  }

  /** The federal rule. */
  public TextingRule federal() {
    return rows.get(FEDERAL);
  }

  /** The row of one state, if it has one. */
  public Optional<TextingRule> of(String state) {
    return Optional.ofNullable(rows.get(state));
  }

  /** The rule for a number in these states: the strictest of theirs, the federal one for none or unknown. */
  public TextingRule forStates(Collection<String> states) {
    List<TextingRule> apply = new ArrayList<>();
    apply.add(federal());
    for (String state : states) {
      of(state).ifPresent(apply::add);
    }
    TextingRule strictest = apply.get(0);
    for (TextingRule r : apply.subList(1, apply.size())) {
      strictest = strictest.and(r);
    }
    return strictest;
  }

  public Collection<TextingRule> rows() {
    return rows.values();
  }

  private static TimeWindow window(String text) {
    return text.trim().equals("closed") ? null : TimeWindow.parse(text);
  }
}
