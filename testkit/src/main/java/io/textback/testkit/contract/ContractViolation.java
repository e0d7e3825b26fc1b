package io.textback.testkit.contract;

/**
 * A request the vendor would refuse, and how: the status and (for Twilio) the error code the fake
 * answered it with, and what was wrong, naming the field.
 */
public record ContractViolation(String vendor, String request, String operation, int status, Integer code, String problem) {

  /** Whether the vendor answers it with an error; if not, it takes the request and ignores the problem. */
  public boolean refused() {
    return status >= 400;
  }

  /** The line a failing test shows. */
  public String describe() {
    String how = refused() ? " would refuse " + request + " with " + status + (code == null ? "" : " (code " + code + ")")
        : " would take " + request + " but ignore what it does not document";
    return vendor + how + ": " + problem + (operation == null ? "" : " [contract operation " + operation + "]");
  }

  @Override
  public String toString() {
    return describe();
  }
}
