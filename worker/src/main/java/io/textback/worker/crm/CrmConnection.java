package io.textback.worker.crm;

import io.textback.crm.CrmKind;
import java.util.List;

/**
 * How one CRM adapter reads a business's settings: whether they connect the business to it (the
 * CRM a business runs when its settings name none) and what is missing when they name it. A business
 * whose crm setting no adapter can serve stops the start, naming the setting.
 */
public interface CrmConnection {
  CrmKind crm();

  boolean isConfigured(String businessId);

  /** Empty when the business's settings for this CRM are complete. */
  List<String> problems(String businessId);

  /** Where a person opens this record in the CRM (kind: contact, deal, opportunity, ...), if known. */
  default java.util.Optional<String> recordUrl(String businessId, String kind, String id) {
    return java.util.Optional.empty();
  }
}
