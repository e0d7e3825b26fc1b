package io.textback.worker.business;

import java.util.List;

/** Settings that break the rules: each broken rule, as a sentence the person can act on (422). */
public class BusinessRefusedException extends RuntimeException {
  private final List<String> problems;

  public BusinessRefusedException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
