package io.textback.worker.jobs;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import io.textback.worker.database.DatabaseHealth;
import io.textback.worker.database.DatabaseUnavailable;
import io.textback.worker.spool.WebhookSpool;
import java.time.Duration;

/**
 * Runs a job only while PostgreSQL answers. While it does not, the job goes back to the engine with
 * its retries untouched, to be tried again in a few seconds: an outage of the database is nobody's
 * incident, and every step of a journey needs it (outbox, ledgers, conversations). A job already
 * running when the database goes keeps its retries too: caught here for our workers, through
 * {@link KeepRetriesWhileDatabaseDown} for the connectors. After an outage, jobs also wait (briefly)
 * until the webhooks this worker spooled during it are read.
 */
final class WaitForDatabase implements JobHandler {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WaitForDatabase.class);
  static final Duration WAIT = Duration.ofSeconds(5);
  /** Webhooks spooled in the outage are read within moments of its end: a job waits only that long. */
  static final Duration SPOOL_WAIT = Duration.ofSeconds(1);
  private final JobHandler job;
  private final DatabaseHealth database;
  private final WebhookSpool spool;
  private final JobHandBack handBack;

  WaitForDatabase(JobHandler job, DatabaseHealth database, WebhookSpool spool, JobHandBack handBack) {
    this.job = job;
    this.database = database;
    this.spool = spool;
    this.handBack = handBack;
  }

  @Override
  public void handle(JobClient client, ActivatedJob activated) throws Exception {
    if (handBack.stopping()) {
      // this worker is stopping: another takes the job now, not after its timeout
      sendBack(client, activated, Duration.ZERO, "the worker holding it stopped; handed back (retries kept)");
      return;
    }
    handBack.started();
    try {
      run(client, activated);
    } finally {
      handBack.ended();
    }
  }

  private void run(JobClient client, ActivatedJob activated) throws Exception {
    if (!database.isUp()) {
      sendBack(client, activated);
      return;
    }
    if (spool.isHolding()) {
      // a STOP may be among them: no step of any journey runs before they are read
      sendBack(client, activated, SPOOL_WAIT, "webhooks received while PostgreSQL was down are read first (retries kept)");
      return;
    }
    try {
      job.handle(new KeepRetriesWhileDatabaseDown(client, activated, database), activated);
    } catch (Exception e) {
      // our own workers' failures come out here (the connectors fail their jobs themselves)
      if (!DatabaseUnavailable.isOutage(e) && database.isUpNow()) {
        throw e;
      }
      LOG.info("Job {} ({}) failed while PostgreSQL is down: its {} retries are kept", activated.getKey(),
          activated.getType(), activated.getRetries());
      sendBack(client, activated);
    }
  }

  private static void sendBack(JobClient client, ActivatedJob activated) {
    sendBack(client, activated, WAIT, "PostgreSQL is unavailable; the job waits for it (retries kept)");
  }

  /** Back to the engine with its retries untouched: none of these is the job's fault. */
  private static void sendBack(JobClient client, ActivatedJob activated, Duration backoff, String why) {
    client.newFailCommand(activated).retries(activated.getRetries()).retryBackoff(backoff).errorMessage(why).send();
  }
}
