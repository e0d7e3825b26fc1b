package io.textback.worker.business;

import java.util.List;

/** Stops the start: every problem is listed, each naming the business and the setting. */
public class InvalidBusinessConfigurationException extends RuntimeException {
  private final List<String> problems;

  public InvalidBusinessConfigurationException(List<String> problems) {
    super("textback.businesses is not valid:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
