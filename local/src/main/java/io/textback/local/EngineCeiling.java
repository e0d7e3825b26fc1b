package io.textback.local;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.textback.testkit.ProcessTestEngine;
import io.textback.worker.deploy.ProcessDeployer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The engine's own ceiling for the missed-call journey: the same models on the same embedded engine
 * (RocksDB, job streaming), every job completed at once by a no-op worker with what the real step
 * would return, so the measure is the engine alone. Journeys are started as fast as they can be
 * published; the figure is journeys whose text-back step completed, per second.
 */
final class EngineCeiling {
  static final List<String> JOB_TYPES = List.of("screen-caller", "io.textback:phone-lookup:1", "io.textback:sms-send:1",
      "open-conversation", "io.textback:hubspot-contact:1", "io.textback:hubspot-call-log:1",
      "io.textback:hubspot-thread-message:1", "io.textback:hubspot-deal:1");

  private EngineCeiling() {}

  record Result(int journeys, double seconds) {
    double perSecond() {
      return journeys / seconds;
    }
  }

  static Result measure(int journeys, Duration timeout) throws InterruptedException {
    try (ProcessTestEngine engine = new ProcessTestEngine()) {
      // every model the worker deploys: the journeys call the CRM's own step models
      engine.deploy(ProcessDeployer.bundledModels());
      CamundaClient client = engine.client();
      CountDownLatch texted = new CountDownLatch(journeys);
      List<JobWorker> workers = new ArrayList<>();
      for (String type : JOB_TYPES) {
        workers.add(client.newWorker().jobType(type).handler((jobs, job) -> {
          jobs.newCompleteCommand(job).variables(result(job)).send().join();
          if ("SendTextBack".equals(job.getElementId())) {
            texted.countDown();
          }
        }).maxJobsActive(32).streamEnabled(true).open());
      }
      long start = System.nanoTime();
      List<java.util.concurrent.CompletionStage<?>> sent = new ArrayList<>();
      for (int i = 0; i < journeys; i++) {
        String callSid = "CAceiling" + i;
        String caller = "+1555" + String.format("%07d", 4_000_000 + i);
        String leadKey = "ceiling:" + caller;
        Map<String, Object> vars = Map.of("businessId", "ceiling", "businessPhone", "+15550100000", "callSid", callSid,
            "callerPhone", caller, "leadKey", leadKey, "missReason", "no-answer", "missedAt", "2026-11-30T15:00:00Z");
        // pipelined, as the worker's relay publishes: no waiting for the engine between messages
        sent.add(client.newPublishMessageCommand().messageName("call-missed").correlationKey(leadKey)
            .messageId(callSid).timeToLive(Duration.ZERO).variables(vars).send());
        sent.add(client.newPublishMessageCommand().messageName("caller-hung-up").correlationKey(callSid)
            .messageId(callSid).timeToLive(Duration.ofMinutes(5)).send());
      }
      sent.forEach(f -> f.toCompletableFuture().join());
      boolean done = texted.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
      double seconds = (System.nanoTime() - start) / 1e9;
      workers.forEach(JobWorker::close);
      return new Result(done ? journeys : journeys - (int) texted.getCount(), seconds);
    }
  }

  /** What each step would hand back, shaped as the models read it. */
  static Map<String, Object> result(ActivatedJob job) {
    Map<String, Object> out = new HashMap<>();
    String resultVariable = job.getCustomHeaders().get("resultVariable");
    switch (job.getType()) {
      case "screen-caller" -> {
        out.put("textable", true);
        out.put("voicemailWindow", "PT45S");
        out.put("textOnVoicemail", false);
        out.put("afterHours", false);
        out.put("textBackBody", "Hi, it's Ceiling Plumbing. Sorry we missed your call! Reply STOP to opt out.");
        out.put("crm", "hubspot");
      }
      case "io.textback:phone-lookup:1" -> out.put(resultVariable, Map.of("textable", true));
      case "io.textback:sms-send:1" -> out.put(resultVariable, Map.of("outcome", "SENT", "messageSid", "SM" + job.getKey()));
      case "open-conversation" -> {
        out.put("conversationId", job.getProcessInstanceKey());
        out.put("followUp1", "PT1H");
        out.put("followUp2", "PT24H");
        out.put("finalWait", "P2D");
        out.put("responseSla", "PT5M");
        out.put("escalationDelay", "PT30M");
        out.put("conversationTtl", "P7D");
        out.put("followUp1Body", "x");
        out.put("followUp2Body", "x");
      }
      case "io.textback:hubspot-contact:1" -> out.put(resultVariable, Map.of("contactId", "1"));
      case "io.textback:gohighlevel-contact:1" -> out.put(resultVariable, Map.of("contactId", "1"));
      default -> {
        if (resultVariable != null) {
          out.put(resultVariable, Map.of("id", "1"));
        }
      }
    }
    return out;
  }
}
