package io.textback.worker.crm;

import io.textback.crm.CrmLedger;
import io.textback.connector.hubspot.crm.HubSpotCallLogConnector;
import io.textback.connector.hubspot.crm.HubSpotContactConnector;
import io.textback.connector.hubspot.crm.HubSpotDealConnector;
import io.textback.connector.hubspot.crm.HubSpotPortals;
import io.textback.connector.hubspot.crm.HubSpotStepRetries;
import io.textback.connector.hubspot.crm.HubSpotTaskConnector;
import io.textback.connector.hubspot.crm.HubSpotThreadMessageConnector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HubSpot connectors, run by the connectors runtime as job workers. */
@Configuration
public class HubSpotConfiguration {

  /** HubSpot's records in the CRM ledger. */
  @Bean
  JdbcCrmLedger hubSpotLedger(org.springframework.jdbc.core.simple.JdbcClient jdbc,
      org.springframework.transaction.support.TransactionTemplate tx) {
    return new JdbcCrmLedger(jdbc, tx, io.textback.crm.CrmKind.HUBSPOT);
  }
  /** One count of failures per step, shared by the five steps. */
  @Bean
  HubSpotStepRetries hubSpotStepRetries() {
    return new HubSpotStepRetries();
  }

  @Bean
  HubSpotContactConnector hubSpotContactConnector(HubSpotPortals portals, CrmLedger ledger, HubSpotStepRetries retries) {
    return new HubSpotContactConnector(portals, ledger, retries);
  }

  @Bean
  HubSpotCallLogConnector hubSpotCallLogConnector(HubSpotPortals portals, CrmLedger ledger, HubSpotStepRetries retries) {
    return new HubSpotCallLogConnector(portals, ledger, retries);
  }

  @Bean
  HubSpotThreadMessageConnector hubSpotThreadMessageConnector(HubSpotPortals portals, CrmLedger ledger, HubSpotStepRetries retries) {
    return new HubSpotThreadMessageConnector(portals, ledger, retries);
  }

  @Bean
  HubSpotDealConnector hubSpotDealConnector(HubSpotPortals portals, CrmLedger ledger, HubSpotStepRetries retries) {
    return new HubSpotDealConnector(portals, ledger, retries);
  }

  @Bean
  HubSpotTaskConnector hubSpotTaskConnector(HubSpotPortals portals, CrmLedger ledger, HubSpotStepRetries retries) {
    return new HubSpotTaskConnector(portals, ledger, retries);
  }
}
