package io.textback.worker.jobs;

import io.camunda.client.api.command.ActivateJobsCommandStep1;
import io.camunda.client.api.command.CompleteJobCommandStep1;
import io.camunda.client.api.command.FailJobCommandStep1;
import io.camunda.client.api.command.StreamJobsCommandStep1;
import io.camunda.client.api.command.ThrowErrorCommandStep1;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.textback.worker.database.DatabaseHealth;

/**
 * The job client a running job fails itself with. A job that was already running when PostgreSQL
 * went away fails on it; both job runtimes (ours and the connectors') then take a retry off it. If
 * the database is down when the job fails, its retries are kept: the outage is not the job's fault.
 */
final class KeepRetriesWhileDatabaseDown implements JobClient {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KeepRetriesWhileDatabaseDown.class);
  private final JobClient client;
  private final ActivatedJob job;
  private final DatabaseHealth database;

  KeepRetriesWhileDatabaseDown(JobClient client, ActivatedJob job, DatabaseHealth database) {
    this.client = client;
    this.job = job;
    this.database = database;
  }

  @Override
  public FailJobCommandStep1 newFailCommand(long jobKey) {
    return jobKey == job.getKey() ? keepRetries(client.newFailCommand(jobKey)) : client.newFailCommand(jobKey);
  }

  @Override
  public FailJobCommandStep1 newFailCommand(ActivatedJob activated) {
    return newFailCommand(activated.getKey());
  }

  private FailJobCommandStep1 keepRetries(FailJobCommandStep1 command) {
    return new FailJobCommandStep1() {
      @Override
      public FailJobCommandStep2 retries(int retries) {
        if (retries < job.getRetries() && !database.isUpNow()) {
          LOG.info("Job {} ({}) failed while PostgreSQL is down: its {} retries are kept", job.getKey(), job.getType(),
              job.getRetries());
          return command.retries(job.getRetries());
        }
        return command.retries(retries);
      }

      @Override
      public FailJobCommandStep1 useRest() {
        command.useRest();
        return this;
      }

      @Override
      public FailJobCommandStep1 useGrpc() {
        command.useGrpc();
        return this;
      }
    };
  }

  @Override
  public CompleteJobCommandStep1 newCompleteCommand(long jobKey) {
    return client.newCompleteCommand(jobKey);
  }

  @Override
  public CompleteJobCommandStep1 newCompleteCommand(ActivatedJob activated) {
    return client.newCompleteCommand(activated);
  }

  @Override
  public ThrowErrorCommandStep1 newThrowErrorCommand(long jobKey) {
    return client.newThrowErrorCommand(jobKey);
  }

  @Override
  public ThrowErrorCommandStep1 newThrowErrorCommand(ActivatedJob activated) {
    return client.newThrowErrorCommand(activated);
  }

  @Override
  public ActivateJobsCommandStep1 newActivateJobsCommand() {
    return client.newActivateJobsCommand();
  }

  @Override
  public StreamJobsCommandStep1 newStreamJobsCommand() {
    return client.newStreamJobsCommand();
  }
}
