package io.textback.worker.crm.gohighlevel;

import io.textback.connector.gohighlevel.crm.HighLevelCallLogConnector;
import io.textback.connector.gohighlevel.crm.HighLevelContactConnector;
import io.textback.connector.gohighlevel.crm.HighLevelDoNotDisturbConnector;
import io.textback.connector.gohighlevel.crm.HighLevelLocations;
import io.textback.connector.gohighlevel.crm.HighLevelOpportunityConnector;
import io.textback.connector.gohighlevel.crm.HighLevelTaskConnector;
import io.textback.connector.gohighlevel.crm.HighLevelThreadMessageConnector;
import io.textback.crm.CrmKind;
import io.textback.crm.CrmLedger;
import io.textback.crm.CrmStepRetries;
import io.textback.worker.crm.JdbcCrmLedger;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The GoHighLevel connectors, run by the connectors runtime as job workers. */
@Configuration
public class HighLevelConnectors {
  /** HighLevel's records in the CRM ledger. */
  @Bean
  JdbcCrmLedger highLevelLedger(JdbcClient jdbc, TransactionTemplate tx) {
    return new JdbcCrmLedger(jdbc, tx, CrmKind.GOHIGHLEVEL);
  }

  @Bean
  CrmStepRetries highLevelStepRetries() {
    return new CrmStepRetries(CrmKind.GOHIGHLEVEL);
  }

  @Bean
  HighLevelContactConnector highLevelContactConnector(HighLevelLocations locations,
      @Qualifier("highLevelLedger") CrmLedger ledger, @Qualifier("highLevelStepRetries") CrmStepRetries retries) {
    return new HighLevelContactConnector(locations, ledger, retries);
  }

  @Bean
  HighLevelCallLogConnector highLevelCallLogConnector(HighLevelLocations locations,
      @Qualifier("highLevelLedger") CrmLedger ledger, @Qualifier("highLevelStepRetries") CrmStepRetries retries) {
    return new HighLevelCallLogConnector(locations, ledger, retries);
  }

  @Bean
  HighLevelThreadMessageConnector highLevelThreadMessageConnector(HighLevelLocations locations,
      @Qualifier("highLevelLedger") CrmLedger ledger, @Qualifier("highLevelStepRetries") CrmStepRetries retries) {
    return new HighLevelThreadMessageConnector(locations, ledger, retries);
  }

  @Bean
  HighLevelOpportunityConnector highLevelOpportunityConnector(HighLevelLocations locations,
      @Qualifier("highLevelLedger") CrmLedger ledger, @Qualifier("highLevelStepRetries") CrmStepRetries retries) {
    return new HighLevelOpportunityConnector(locations, ledger, retries);
  }

  @Bean
  HighLevelTaskConnector highLevelTaskConnector(HighLevelLocations locations,
      @Qualifier("highLevelLedger") CrmLedger ledger, @Qualifier("highLevelStepRetries") CrmStepRetries retries) {
    return new HighLevelTaskConnector(locations, ledger, retries);
  }

  @Bean
  HighLevelDoNotDisturbConnector highLevelDoNotDisturbConnector(HighLevelLocations locations,
      @Qualifier("highLevelLedger") CrmLedger ledger, @Qualifier("highLevelStepRetries") CrmStepRetries retries) {
    return new HighLevelDoNotDisturbConnector(locations, ledger, retries);
  }

  /** Installing the marketplace app on a location is the installation's setup: an admin's. */
  @org.springframework.context.annotation.Bean
  io.textback.worker.security.AdminOnlyPaths highLevelAdminPaths() {
    return new io.textback.worker.security.AdminOnlyPaths(java.util.List.of("/api/gohighlevel/install"));
  }
}
