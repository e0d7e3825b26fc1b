package io.textback.worker.crm.hubspot;

import io.textback.crm.CrmLedger;
import io.textback.worker.crm.JdbcCrmLedger;
import io.textback.connector.hubspot.crm.HubSpotCallLogConnector;
import io.textback.connector.hubspot.crm.HubSpotContactConnector;
import io.textback.connector.hubspot.crm.HubSpotDealConnector;
import io.textback.connector.hubspot.crm.HubSpotPortals;
import io.textback.crm.CrmStepRetries;
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
  CrmStepRetries hubSpotStepRetries() {
    return new CrmStepRetries(io.textback.crm.CrmKind.HUBSPOT);
  }

  @Bean
  HubSpotContactConnector hubSpotContactConnector(HubSpotPortals portals, @org.springframework.beans.factory.annotation.Qualifier("hubSpotLedger") CrmLedger ledger,
      @org.springframework.beans.factory.annotation.Qualifier("hubSpotStepRetries") CrmStepRetries retries) {
    return new HubSpotContactConnector(portals, ledger, retries);
  }

  @Bean
  HubSpotCallLogConnector hubSpotCallLogConnector(HubSpotPortals portals, @org.springframework.beans.factory.annotation.Qualifier("hubSpotLedger") CrmLedger ledger,
      @org.springframework.beans.factory.annotation.Qualifier("hubSpotStepRetries") CrmStepRetries retries) {
    return new HubSpotCallLogConnector(portals, ledger, retries);
  }

  @Bean
  HubSpotThreadMessageConnector hubSpotThreadMessageConnector(HubSpotPortals portals, @org.springframework.beans.factory.annotation.Qualifier("hubSpotLedger") CrmLedger ledger,
      @org.springframework.beans.factory.annotation.Qualifier("hubSpotStepRetries") CrmStepRetries retries) {
    return new HubSpotThreadMessageConnector(portals, ledger, retries);
  }

  @Bean
  HubSpotDealConnector hubSpotDealConnector(HubSpotPortals portals, @org.springframework.beans.factory.annotation.Qualifier("hubSpotLedger") CrmLedger ledger,
      @org.springframework.beans.factory.annotation.Qualifier("hubSpotStepRetries") CrmStepRetries retries) {
    return new HubSpotDealConnector(portals, ledger, retries);
  }

  @Bean
  HubSpotTaskConnector hubSpotTaskConnector(HubSpotPortals portals, @org.springframework.beans.factory.annotation.Qualifier("hubSpotLedger") CrmLedger ledger,
      @org.springframework.beans.factory.annotation.Qualifier("hubSpotStepRetries") CrmStepRetries retries) {
    return new HubSpotTaskConnector(portals, ledger, retries);
  }
}
