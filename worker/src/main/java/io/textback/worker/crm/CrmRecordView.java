package io.textback.worker.crm;

/**
 * One record textback wrote to a CRM for a lead, as the console and the journeys API show it.
 *
 * @param kind contact, call, deal, opportunity, task
 * @param url where a person opens it in the CRM, when the CRM's adapter can tell
 */
public record CrmRecordView(String crm, String kind, String id, String url) {
  public CrmRecordView withUrl(String url) {
    return new CrmRecordView(crm, kind, id, url);
  }
}
