package io.textback.testkit;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.RocksDbEngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The embedded Zeebe engine with a gRPC client, and the few moves a process test makes: deploy,
 * publish, work a job by hand, move the engine's clock, and ask where an instance ended. The log is
 * in memory; the state is in RocksDB in a temporary folder, deleted on close (see RocksDbEngineFactory).
 */
public final class ProcessTestEngine implements AutoCloseable {
  /** For the engine to be idle (a clock move fires many timers at once) and for a command's answer. */
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final Path stateDirectory;
  private final ZeebeTestEngine engine;
  private final CamundaClient client;

  public ProcessTestEngine() {
    this(freePort());
  }

  /** An engine on a fixed gRPC port (local mode uses 26500, so Modeler can deploy to it). */
  public ProcessTestEngine(int port) {
    this(port, temporaryDirectory());
  }

  /**
   * An engine whose state lives in {@code stateDirectory}, emptied first: the engine cannot resume
   * from an old state (its log is in memory), so a folder a killed run left is only cleared.
   */
  public ProcessTestEngine(int port, Path stateDirectory) {
    Folders.delete(stateDirectory);
    try {
      Files.createDirectories(stateDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("no room for the engine's state in " + stateDirectory, e);
    }
    this.stateDirectory = stateDirectory;
    engine = RocksDbEngineFactory.create(port, stateDirectory.toFile());
    engine.start();
    client = CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
        .preferRestOverGrpc(false)
        .defaultRequestTimeout(WAIT)
        .build();
  }

  /** host:port of the engine's gRPC gateway. */
  public String gatewayAddress() {
    return engine.getGatewayAddress();
  }

  public CamundaClient client() {
    return client;
  }

  public void deploy(String... classpathResources) {
    var command = client.newDeployResourceCommand().addResourceFromClasspath(classpathResources[0]);
    for (int i = 1; i < classpathResources.length; i++) {
      command = command.addResourceFromClasspath(classpathResources[i]);
    }
    command.send().join();
  }

  public void publish(String name, String correlationKey, String messageId, Map<String, Object> variables) {
    client.newPublishMessageCommand().messageName(name).correlationKey(correlationKey)
        .messageId(messageId).timeToLive(Duration.ZERO).variables(variables).send().join();
    idle();
  }

  /** Publishes with a time to live, so the message waits for a subscription that opens later. */
  public void publishBuffered(String name, String correlationKey, String messageId, Duration ttl) {
    client.newPublishMessageCommand().messageName(name).correlationKey(correlationKey)
        .messageId(messageId).timeToLive(ttl).send().join();
    idle();
  }

  /** Activates the next job of {@code type} for the instance, waiting for it to be created. */
  public ActivatedJob nextJob(String type, long processInstanceKey) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ActivatedJob> job = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(32)
          .timeout(Duration.ofMinutes(1)).send().join().getJobs().stream()
          .filter(j -> j.getProcessInstanceKey() == processInstanceKey).findFirst();
      if (job.isPresent()) {
        return job.get();
      }
      idle();
    }
    throw new AssertionError("no " + type + " job for instance " + processInstanceKey);
  }

  /**
   * Activates the next job of {@code type} in the instance or in any instance it called (a CRM step
   * is a call activity), waiting for it to be created.
   */
  public ActivatedJob nextJobWithin(String type, long rootInstanceKey) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      java.util.Set<Long> family = family(rootInstanceKey);
      Optional<ActivatedJob> job = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(32)
          .timeout(Duration.ofMinutes(1)).send().join().getJobs().stream()
          .filter(j -> family.contains(j.getProcessInstanceKey())).findFirst();
      if (job.isPresent()) {
        return job.get();
      }
      idle();
    }
    throw new AssertionError("no " + type + " job in instance " + rootInstanceKey + " or the instances it called");
  }

  /** The instance and every instance it called, and they called (a parent is written before its child). */
  private java.util.Set<Long> family(long rootInstanceKey) {
    java.util.Set<Long> family = new java.util.HashSet<>(java.util.Set.of(rootInstanceKey));
    processRecords()
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
        .filter(r -> family.contains(r.getValue().getParentProcessInstanceKey()))
        .forEach(r -> family.add(r.getValue().getProcessInstanceKey()));
    return family;
  }

  /** The processes a called CRM step (call activity) started within the instance, in order: e.g. log-call-in-hubspot. */
  public List<String> calledProcesses(long rootInstanceKey) {
    idle();
    java.util.Set<Long> family = family(rootInstanceKey);
    return processRecords()
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
        .filter(r -> r.getValue().getProcessInstanceKey() != rootInstanceKey && family.contains(r.getValue().getProcessInstanceKey()))
        .map(r -> r.getValue().getBpmnProcessId())
        .toList();
  }

  public void complete(ActivatedJob job, Map<String, Object> variables) {
    client.newCompleteCommand(job).variables(variables).send().join();
    idle();
  }

  /** The engine's clock now (wall clock plus every increaseTime so far), read off a record it writes. */
  public Instant now() {
    client.newPublishMessageCommand().messageName("clock-probe").correlationKey("clock-probe")
        .timeToLive(Duration.ZERO).send().join();
    idle();
    long latest = records().stream().mapToLong(Record::getTimestamp).max().orElseThrow();
    return Instant.ofEpochMilli(latest);
  }

  /** Moves the engine's clock (never the wall clock) and lets due timers fire. */
  public void increaseTime(Duration duration) {
    idle();
    engine.increaseTime(duration);
    try {
      engine.waitForBusyState(Duration.ofSeconds(1));
    } catch (Exception notBusy) {
      // nothing was due: fine
    }
    idle();
  }

  /**
   * Moves the engine's clock to a weekday between 10:00 and 16:00 in {@code zone}, unless it is in
   * one already: inside every opening hours and texting window a test meets. The engine's clock is
   * the wall clock plus every move so far, so a test that waits for a follow-up would otherwise pass
   * or fail with the hour it runs at.
   */
  public void moveToDaytime(java.time.ZoneId zone) {
    Instant now = now();
    java.time.ZonedDateTime local = now.atZone(zone);
    if (local.getDayOfWeek().getValue() <= 5 && local.getHour() >= 10 && local.getHour() < 16) {
      return;
    }
    java.time.ZonedDateTime target = local.getHour() < 10 ? local.with(java.time.LocalTime.of(10, 0))
        : local.plusDays(1).with(java.time.LocalTime.of(10, 0));
    while (target.getDayOfWeek().getValue() > 5) {
      target = target.plusDays(1);
    }
    increaseTime(Duration.between(now, target.toInstant()));
  }

  /**
   * Waits until the engine has nothing left to do, at most {@link #WAIT}. An engine that stays busy
   * that long (job workers of a whole worker suite polling and streaming against one shared engine)
   * is taken as it is: the caller's own checks then say whether what it waited for happened.
   */
  public void idle() {
    try {
      engine.waitForIdleState(WAIT);
    } catch (java.util.concurrent.TimeoutException stillBusy) {
      System.err.println("ProcessTestEngine: not idle within " + WAIT.toSeconds() + " s; going on");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the engine to be idle", e);
    } catch (Exception e) {
      throw new IllegalStateException("engine did not become idle", e);
    }
  }

  /** The key of the instance started by the message with this correlation key, once it exists. */
  public long instanceStartedFor(String bpmnProcessId, String variableName, Object value) {
    idle();
    return findInstance(bpmnProcessId, variableName, value)
        .orElseThrow(() -> new AssertionError("no " + bpmnProcessId + " with " + variableName + "=" + value));
  }

  /** The instance of the process started with this variable value, if any yet (does not wait). */
  public Optional<Long> findInstance(String bpmnProcessId, String variableName, Object value) {
    return instancesWithValue(bpmnProcessId, variableName, value).stream().findFirst();
  }

  /**
   * The instances of the process whose variable has this value, in the order they started: one pass
   * over the records for the variable and one for the instances (a lookup per instance would read
   * the whole log once for every instance, and the shared engine's log grows all through a run).
   */
  private List<Long> instancesWithValue(String bpmnProcessId, String variableName, Object value) {
    List<Record<?>> all = records();
    java.util.Map<Long, String> values = new java.util.HashMap<>();
    for (Record<?> r : all) {
      if (r.getValueType() == ValueType.VARIABLE) {
        var v = (io.camunda.zeebe.protocol.record.value.VariableRecordValue) r.getValue();
        if (v.getName().equals(variableName)) {
          values.put(v.getProcessInstanceKey(), v.getValue().replaceAll("^\"|\"$", ""));
        }
      }
    }
    List<Long> found = new java.util.ArrayList<>();
    for (Record<?> r : all) {
      if (r.getValueType() == ValueType.PROCESS_INSTANCE && r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
        var v = (ProcessInstanceRecordValue) r.getValue();
        if (v.getBpmnElementType() == BpmnElementType.PROCESS && v.getBpmnProcessId().equals(bpmnProcessId)
            && value.equals(values.get(v.getProcessInstanceKey()))) {
          found.add(v.getProcessInstanceKey());
        }
      }
    }
    return found;
  }

  /**
   * Whether any job is still to be done or being done (created, activated, failed with retries
   * left, timed out): with the engine idle, nothing more will happen until time moves.
   */
  public boolean hasUnfinishedJobs() {
    java.util.Map<Long, io.camunda.zeebe.protocol.record.intent.Intent> last = new java.util.HashMap<>();
    for (Record<?> r : records()) {
      if (r.getValueType() == ValueType.JOB && r.getRecordType() == io.camunda.zeebe.protocol.record.RecordType.EVENT) {
        last.put(r.getKey(), r.getIntent());
      }
    }
    return last.values().stream().anyMatch(i -> i != io.camunda.zeebe.protocol.record.intent.JobIntent.COMPLETED
        && i != io.camunda.zeebe.protocol.record.intent.JobIntent.CANCELED
        && i != io.camunda.zeebe.protocol.record.intent.JobIntent.ERROR_THROWN);
  }

  /** Incidents raised so far (jobs out of retries, expression failures). */
  public long incidentCount() {
    return records().stream().filter(r -> r.getValueType() == ValueType.INCIDENT)
        .filter(r -> r.getIntent() == io.camunda.zeebe.protocol.record.intent.IncidentIntent.CREATED).count();
  }

  /** Whether an instance is waiting for this message (its subscription was opened). */
  public boolean isWaitingFor(String messageName, String correlationKey) {
    return records().stream()
        .filter(r -> r.getValueType() == ValueType.MESSAGE_SUBSCRIPTION)
        .filter(r -> r.getIntent() == io.camunda.zeebe.protocol.record.intent.MessageSubscriptionIntent.CREATED)
        .map(r -> (io.camunda.zeebe.protocol.record.value.MessageSubscriptionRecordValue) r.getValue())
        .anyMatch(v -> v.getMessageName().equals(messageName) && v.getCorrelationKey().equals(correlationKey));
  }

  /** Ids of the end events the instance completed so far (does not wait for idle). */
  public List<String> endEventsNow(long processInstanceKey) {
    return processRecords()
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.END_EVENT)
        .map(r -> r.getValue().getElementId())
        .toList();
  }

  /** How many instances of the process were started with this variable value. */
  public long instancesWith(String bpmnProcessId, String variableName, Object value) {
    idle();
    return instancesWithValue(bpmnProcessId, variableName, value).size();
  }

  /** Ids of the end events the instance completed, in order. */
  public List<String> endEvents(long processInstanceKey) {
    idle();
    return processRecords()
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.END_EVENT)
        .map(r -> r.getValue().getElementId())
        .toList();
  }

  public boolean isCompleted(long processInstanceKey) {
    idle();
    return processRecords()
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
        .anyMatch(r -> r.getKey() == processInstanceKey);
  }

  /**
   * Cancels every process instance still running (their called instances go with them), so the
   * timers one test class left cannot all fire in the next one's clock moves.
   *
   * @return how many were cancelled
   */
  public int cancelAll() {
    settle();
    java.util.Map<Long, io.camunda.zeebe.protocol.record.intent.Intent> last = new java.util.LinkedHashMap<>();
    processRecords()
        .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
        .filter(r -> r.getValue().getParentProcessInstanceKey() < 0)
        .forEach(r -> last.put(r.getKey(), r.getIntent()));
    int cancelled = 0;
    for (var instance : last.entrySet()) {
      if (instance.getValue() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
        try {
          client.newCancelInstanceCommand(instance.getKey()).send().join();
          cancelled++;
        } catch (io.camunda.client.api.command.ClientStatusException gone) {
          // it ended meanwhile
        }
      }
    }
    settle();
    return cancelled;
  }

  /**
   * Waits for the engine to be idle, as far as it will be: a clean-up between test classes cancels
   * whatever is running even when a job worker still keeps the engine busy (a CRM step retrying),
   * rather than fail the class for the wait.
   */
  private void settle() {
    try {
      idle();
    } catch (IllegalStateException stillBusy) {
      System.err.println("ProcessTestEngine: the engine was still busy after " + WAIT.toSeconds() + " s; cancelling anyway");
    }
  }

  /** Whether the instance has entered this element and not yet left it (does not wait for idle). */
  public boolean isWaitingAt(long processInstanceKey, String elementId) {
    java.util.Map<Long, io.camunda.zeebe.protocol.record.intent.Intent> last = new java.util.HashMap<>();
    processRecords()
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .filter(r -> r.getValue().getElementId().equals(elementId))
        .forEach(r -> last.put(r.getKey(), r.getIntent()));
    return last.containsValue(ProcessInstanceIntent.ELEMENT_ACTIVATED);
  }

  /** Ids of the elements the instance has completed, in order. */
  public List<String> completedElements(long processInstanceKey) {
    idle();
    return completedElementsNow(processInstanceKey);
  }

  /**
   * The same without waiting for the engine to be idle: for a test that polls while other journeys
   * keep the engine busy (their CRM steps), where waiting for idle could outlast the poll.
   */
  public List<String> completedElementsNow(long processInstanceKey) {
    return processRecords()
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .map(r -> r.getValue().getElementId())
        .toList();
  }

  /** The latest value of a process variable as JSON text, or null. */
  public String variable(long processInstanceKey, String name) {
    return records().stream()
        .filter(r -> r.getValueType() == ValueType.VARIABLE)
        .map(r -> (io.camunda.zeebe.protocol.record.value.VariableRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == processInstanceKey && v.getName().equals(name))
        .reduce((first, second) -> second)
        .map(v -> v.getValue().replaceAll("^\"|\"$", ""))
        .orElse(null);
  }

  @SuppressWarnings("unchecked")
  private java.util.stream.Stream<Record<ProcessInstanceRecordValue>> processRecords() {
    return records().stream()
        .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE)
        .map(r -> (Record<ProcessInstanceRecordValue>) r);
  }

  /** A snapshot of the engine's records; the engine appends while we read, so copy and retry. */
  private List<Record<?>> records() {
    for (int attempt = 0; ; attempt++) {
      try {
        List<Record<?>> copy = new java.util.ArrayList<>();
        engine.getRecordStreamSource().getRecords().forEach(copy::add);
        return copy;
      } catch (java.util.ConcurrentModificationException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }

  @Override
  public void close() {
    client.close();
    engine.stop();
    try {
      Folders.delete(stateDirectory);
    } catch (UncheckedIOException e) {
      // a folder left behind is no reason to fail; the next start clears it
    }
  }

  private static Path temporaryDirectory() {
    try {
      Path directory = Files.createTempDirectory("textback-engine-");
      // A test JVM that ends without closing the engine still takes its folder along.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          Folders.delete(directory);
        } catch (UncheckedIOException e) {
          // ending anyway
        }
      }, "textback-engine-cleanup"));
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException("no room for the engine's state", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the engine", e);
    }
  }
}
