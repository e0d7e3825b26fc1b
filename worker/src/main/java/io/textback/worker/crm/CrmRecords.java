package io.textback.worker.crm;

import io.textback.worker.business.Business;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The records a journey left in the business's CRM, whichever CRM it runs, with a link to each. */
@Component
public class CrmRecords {
  private final Map<String, JdbcCrmLedger> ledgers;
  private final Map<String, CrmConnection> connections;

  public CrmRecords(List<JdbcCrmLedger> ledgers, List<CrmConnection> connections) {
    this.ledgers = ledgers.stream().collect(Collectors.toMap(l -> l.crm().id(), Function.identity()));
    this.connections = connections.stream().collect(Collectors.toMap(c -> c.crm().id(), Function.identity()));
  }

  public List<CrmRecordView> of(Business business, String phone, String journeyKey) {
    JdbcCrmLedger ledger = ledgers.get(business.crm());
    CrmConnection connection = connections.get(business.crm());
    if (ledger == null || phone == null || journeyKey == null) {
      return List.of();
    }
    return ledger.recordsOf(business.id(), phone, journeyKey).stream()
        .map(r -> connection == null ? r : r.withUrl(connection.recordUrl(business.id(), r.kind(), r.id()).orElse(null)))
        .toList();
  }
}
