package io.textback.connector.hubspot.crm;

/** Another job is writing the same record to HubSpot right now (the same new phone, at the same time). */
public class CrmRecordBusyException extends RuntimeException {
  public CrmRecordBusyException(String key) {
    super("another job is writing " + key + " to HubSpot; retrying shortly");
  }
}
