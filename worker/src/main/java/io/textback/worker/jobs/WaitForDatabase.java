package io.textback.worker.jobs;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import io.textback.worker.database.DatabaseHealth;
import java.time.Duration;

/**
 * Runs a job only while PostgreSQL answers. While it does not, the job goes back to the engine with
 * its retries untouched, to be tried again in a few seconds: an outage of the database is nobody's
 * incident, and every step of a journey needs it (outbox, ledgers, conversations).
 */
final class WaitForDatabase implements JobHandler {
  static final Duration WAIT = Duration.ofSeconds(5);
  private final JobHandler job;
  private final DatabaseHealth database;

  WaitForDatabase(JobHandler job, DatabaseHealth database) {
    this.job = job;
    this.database = database;
  }

  @Override
  public void handle(JobClient client, ActivatedJob activated) throws Exception {
    if (database.isUp()) {
      job.handle(client, activated);
      return;
    }
    client.newFailCommand(activated).retries(activated.getRetries()).retryBackoff(WAIT)
        .errorMessage("PostgreSQL is unavailable; the job waits for it (retries kept)").send();
  }
}
