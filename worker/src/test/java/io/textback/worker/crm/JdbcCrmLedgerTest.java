package io.textback.worker.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.textback.crm.CrmKind;
import io.textback.worker.support.WorkerIntegrationTest;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The CRM ledger holds each CRM's records apart, and the records written before it named CRMs are HubSpot's. */
class JdbcCrmLedgerTest extends WorkerIntegrationTest {
  @Autowired TransactionTemplate tx;
  @Autowired DataSource dataSource;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  @Test
  void theSameStepInTwoCrms_isTwoRecords_eachWrittenOnce() {
    JdbcCrmLedger hubspot = new JdbcCrmLedger(jdbc, tx, CrmKind.HUBSPOT);
    JdbcCrmLedger highLevel = new JdbcCrmLedger(jdbc, tx, CrmKind.GOHIGHLEVEL);
    String key = "CA" + UUID.randomUUID() + ":call-log";

    assertThat(hubspot.once("demo-plumbing", key, () -> "hs-1")).isEqualTo("hs-1");
    assertThat(highLevel.once("demo-plumbing", key, () -> "ghl-1")).isEqualTo("ghl-1");
    assertThat(hubspot.once("demo-plumbing", key, () -> "hs-2")).as("written once").isEqualTo("hs-1");
    assertThat(highLevel.find("demo-plumbing", key)).contains("ghl-1");

    hubspot.rememberDeal("demo-plumbing", "deal-" + key, "demo-plumbing:+15557100001");
    assertThat(hubspot.leadOfDeal("deal-" + key)).contains("demo-plumbing:+15557100001");
    assertThat(highLevel.leadOfDeal("deal-" + key)).as("another CRM's deal id space").isEmpty();
  }

  @Test
  void theMigrationKeepsEveryHubSpotRecordId() {
    String schema = "crm_migration_" + Long.toHexString(System.nanoTime());
    jdbc.sql("create schema " + schema).update();
    Flyway before = Flyway.configure().dataSource(dataSource).schemas(schema).target("7").load();
    before.migrate();
    JdbcClient old = JdbcClient.create(dataSource);
    old.sql("insert into " + schema + ".crm_record (business_id, record_key, hubspot_id) values ('demo-plumbing', 'contact:+15557100002', '501')").update();
    old.sql("insert into " + schema + ".crm_deal (deal_id, business_id, lead_key) values ('9001', 'demo-plumbing', 'demo-plumbing:+15557100002')").update();

    Flyway.configure().dataSource(dataSource).schemas(schema).load().migrate();

    assertThat(old.sql("select crm || ' ' || external_id from " + schema + ".crm_record where record_key = 'contact:+15557100002'")
        .query(String.class).single()).isEqualTo("hubspot 501");
    assertThat(old.sql("select crm || ' ' || lead_key from " + schema + ".crm_deal where deal_id = '9001'")
        .query(String.class).single()).isEqualTo("hubspot demo-plumbing:+15557100002");
    jdbc.sql("drop schema " + schema + " cascade").update();
  }
}
