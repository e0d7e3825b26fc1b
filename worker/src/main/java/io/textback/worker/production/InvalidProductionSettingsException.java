package io.textback.worker.production;

import java.util.List;

/** The production settings that stop the worker from starting, each with what to set. */
public class InvalidProductionSettingsException extends RuntimeException {
  private final List<String> problems;

  public InvalidProductionSettingsException(List<String> problems) {
    super("textback will not start in production: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
