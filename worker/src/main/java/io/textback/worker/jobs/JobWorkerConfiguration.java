package io.textback.worker.jobs;

import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobWorkerManager;
import io.camunda.client.jobhandling.parameter.ParameterResolverStrategy;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import io.camunda.client.spring.properties.CamundaClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The job worker manager every worker and connector is opened with: the SDK's, honouring overrides for connectors too. */
@Configuration
class JobWorkerConfiguration {
  @Bean
  @Primary
  JobWorkerManager connectorWorkerOverrides(CommandExceptionHandlingStrategy commandExceptionHandlingStrategy,
      MetricsRecorder metricsRecorder, ParameterResolverStrategy parameterResolverStrategy,
      ResultProcessorStrategy resultProcessorStrategy, BackoffSupplier backoffSupplier,
      JobExceptionHandlingStrategy jobExceptionHandlingStrategy, CamundaClientProperties properties,
      io.textback.worker.database.DatabaseHealth database, io.textback.worker.spool.WebhookSpool spool, JobHandBack handBack) {
    return new ConnectorWorkerOverrides(commandExceptionHandlingStrategy, metricsRecorder, parameterResolverStrategy,
        resultProcessorStrategy, backoffSupplier, jobExceptionHandlingStrategy, properties, database, spool, handBack);
  }
}
