package io.textback.worker.jobs;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobWorkerManager;
import io.camunda.client.jobhandling.parameter.ParameterResolverStrategy;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import io.camunda.client.spring.properties.CamundaClientJobWorkerProperties;
import io.camunda.client.spring.properties.CamundaClientProperties;
import io.textback.worker.database.DatabaseHealth;
import io.textback.worker.spool.WebhookSpool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code camunda.client.worker.override.<job type>.*} to the connectors' job workers too.
 * The Camunda Spring SDK applies those overrides only to {@code @JobWorker} methods; the connectors
 * runtime opens its workers straight through this manager, so without this every connector would
 * take the client-wide {@code max-jobs-active}, and none would take the defaults. textback needs the CRM steps held to a few jobs
 * at a time: the rest wait in the engine, not in a thread queuing for the portal's rate limit.
 * Every worker, ours and the connectors', also waits for PostgreSQL while it is down
 * ({@link WaitForDatabase}).
 */
public class ConnectorWorkerOverrides extends JobWorkerManager {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectorWorkerOverrides.class);
  private final CamundaClientProperties properties;
  private final DatabaseHealth database;
  private final WebhookSpool spool;
  private final JobHandBack handBack;

  public ConnectorWorkerOverrides(CommandExceptionHandlingStrategy commandExceptionHandlingStrategy,
      MetricsRecorder metricsRecorder, ParameterResolverStrategy parameterResolverStrategy,
      ResultProcessorStrategy resultProcessorStrategy, BackoffSupplier backoffSupplier,
      JobExceptionHandlingStrategy jobExceptionHandlingStrategy, CamundaClientProperties properties,
      DatabaseHealth database, WebhookSpool spool, JobHandBack handBack) {
    super(commandExceptionHandlingStrategy, metricsRecorder, parameterResolverStrategy, resultProcessorStrategy,
        backoffSupplier, jobExceptionHandlingStrategy);
    this.properties = properties;
    this.database = database;
    this.spool = spool;
    this.handBack = handBack;
  }

  @Override
  public JobWorker openWorker(CamundaClient client, JobWorkerValue worker, JobHandler handler) {
    configure(worker);
    return super.openWorker(client, worker, new WaitForDatabase(handler, database, spool, handBack));
  }

  /** The defaults where the worker sets nothing, then the override for its job type. */
  void configure(JobWorkerValue worker) {
    applyDefaults(worker);
    CamundaClientJobWorkerProperties override = properties.getWorker() == null || properties.getWorker().getOverride() == null
        ? null : properties.getWorker().getOverride().get(worker.getType());
    if (override != null) {
      if (override.getMaxJobsActive() != null) {
        worker.setMaxJobsActive(override.getMaxJobsActive());
      }
      if (override.getTimeout() != null) {
        worker.setTimeout(override.getTimeout());
      }
      LOG.info("Job worker {}: at most {} jobs at a time, timeout {}", worker.getType(), worker.getMaxJobsActive(),
          worker.getTimeout());
    }
  }

  /**
   * {@code camunda.client.worker.defaults} (streaming, poll interval) for a connector's worker that
   * sets none: left alone, each of the 13 connectors polled every 100 ms (the client's own default)
   * and never streamed, whatever the defaults said.
   */
  private void applyDefaults(JobWorkerValue worker) {
    CamundaClientJobWorkerProperties defaults = properties.getWorker() == null ? null : properties.getWorker().getDefaults();
    if (defaults == null) {
      return;
    }
    if (worker.getStreamEnabled() == null && defaults.getStreamEnabled() != null) {
      worker.setStreamEnabled(defaults.getStreamEnabled());
    }
    if (worker.getPollInterval() == null && defaults.getPollInterval() != null) {
      worker.setPollInterval(defaults.getPollInterval());
    }
    if (worker.getRequestTimeout() == null && defaults.getRequestTimeout() != null) {
      worker.setRequestTimeout(defaults.getRequestTimeout());
    }
  }
}
