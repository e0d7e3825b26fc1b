package io.textback.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.spring.properties.CamundaClientJobWorkerProperties;
import io.camunda.client.spring.properties.CamundaClientProperties;
import io.camunda.client.spring.properties.CamundaClientWorkerProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A connector's job worker takes the client's worker defaults and its own type's override. */
class ConnectorWorkerOverridesTest {

  private static ConnectorWorkerOverrides overrides() {
    CamundaClientJobWorkerProperties defaults = new CamundaClientJobWorkerProperties();
    defaults.setStreamEnabled(true);
    defaults.setPollInterval(Duration.ofSeconds(5));
    CamundaClientJobWorkerProperties crm = new CamundaClientJobWorkerProperties();
    crm.setMaxJobsActive(4);
    CamundaClientWorkerProperties worker = new CamundaClientWorkerProperties();
    worker.setDefaults(defaults);
    worker.setOverride(Map.of("io.textback:hubspot-contact:1", crm));
    CamundaClientProperties properties = new CamundaClientProperties();
    properties.setWorker(worker);
    return new ConnectorWorkerOverrides(null, null, null, null, null, null, properties, null, null, null);
  }

  @Test
  void aConnectorThatSetsNothing_streamsAndPollsAsTheDefaultsSay() {
    JobWorkerValue sms = new JobWorkerValue();
    sms.setType("io.textback:sms-send:1");
    overrides().configure(sms);
    assertThat(sms.getStreamEnabled()).isTrue();
    assertThat(sms.getPollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(sms.getMaxJobsActive()).isNull();
  }

  @Test
  void theOverrideForItsTypeLimitsItsJobs_andWhatTheConnectorSetItselfStays() {
    JobWorkerValue contact = new JobWorkerValue();
    contact.setType("io.textback:hubspot-contact:1");
    contact.setPollInterval(Duration.ofSeconds(1));
    overrides().configure(contact);
    assertThat(contact.getMaxJobsActive()).isEqualTo(4);
    assertThat(contact.getPollInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(contact.getStreamEnabled()).isTrue();
  }
}
