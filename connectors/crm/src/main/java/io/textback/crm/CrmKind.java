package io.textback.crm;

/** The CRMs textback writes to; {@link #id()} is how settings and the database name each. */
public enum CrmKind {
  HUBSPOT("hubspot"),
  GOHIGHLEVEL("gohighlevel");

  private final String id;

  CrmKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /**
   * The idempotency-key prefix of a text an agent typed in this CRM's inbox ("hubspot:" + the CRM's
   * message id): a person answering, never held by the first-text caps.
   */
  public String agentReplyKeyPrefix() {
    return id + ":";
  }
}
