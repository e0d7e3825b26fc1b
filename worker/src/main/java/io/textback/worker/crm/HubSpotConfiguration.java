package io.textback.worker.crm;

import io.textback.connector.hubspot.crm.CrmLedger;
import io.textback.connector.hubspot.crm.HubSpotCallLogConnector;
import io.textback.connector.hubspot.crm.HubSpotContactConnector;
import io.textback.connector.hubspot.crm.HubSpotDealConnector;
import io.textback.connector.hubspot.crm.HubSpotPortals;
import io.textback.connector.hubspot.crm.HubSpotTaskConnector;
import io.textback.connector.hubspot.crm.HubSpotThreadMessageConnector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HubSpot connectors, run by the connectors runtime as job workers. */
@Configuration
public class HubSpotConfiguration {
  @Bean
  HubSpotContactConnector hubSpotContactConnector(HubSpotPortals portals, CrmLedger ledger) {
    return new HubSpotContactConnector(portals, ledger);
  }

  @Bean
  HubSpotCallLogConnector hubSpotCallLogConnector(HubSpotPortals portals, CrmLedger ledger) {
    return new HubSpotCallLogConnector(portals, ledger);
  }

  @Bean
  HubSpotThreadMessageConnector hubSpotThreadMessageConnector(HubSpotPortals portals, CrmLedger ledger) {
    return new HubSpotThreadMessageConnector(portals, ledger);
  }

  @Bean
  HubSpotDealConnector hubSpotDealConnector(HubSpotPortals portals, CrmLedger ledger) {
    return new HubSpotDealConnector(portals, ledger);
  }

  @Bean
  HubSpotTaskConnector hubSpotTaskConnector(HubSpotPortals portals, CrmLedger ledger) {
    return new HubSpotTaskConnector(portals, ledger);
  }
}
