package io.textback.crm;

import java.util.regex.Pattern;

/** Another job is writing the same record to the CRM right now (the same new phone, at the same time). */
public class CrmRecordBusyException extends RuntimeException {
  /** A phone number inside a record key ("contact:+15551234567"): logs keep its last four digits only. */
  private static final Pattern PHONE = Pattern.compile("\\+?\\d{3,}(\\d{4})");

  public CrmRecordBusyException(CrmKind crm, String key) {
    super("another job is writing " + PHONE.matcher(key).replaceAll("***$1") + " to " + crm.id() + "; retrying shortly");
  }
}
