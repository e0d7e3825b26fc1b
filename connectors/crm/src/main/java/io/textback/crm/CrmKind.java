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
}
