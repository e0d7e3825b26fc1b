package io.textback.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A worker in a JVM of its own, on a local stack's engine, PostgreSQL and fakes: what a test kills
 * with SIGKILL, as an operator's {@code kill -9} or the kernel's OOM killer would.
 */
final class WorkerProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final int port;

  private WorkerProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts a worker with the stack's settings, these on top, and waits until it answers. */
  static WorkerProcess start(LocalStack stack, Map<String, Object> overrides) throws Exception {
    Map<String, Object> settings = new java.util.LinkedHashMap<>(stack.workerSettings());
    settings.put("textback.deploy-processes", false); // the stack's worker deployed them
    settings.putAll(overrides);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), "io.textback.worker.TextbackApplication"));
    settings.forEach((key, value) -> command.add("--" + key + "=" + value));
    Path log = Files.createTempFile("textback-worker-", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int port = Integer.parseInt(String.valueOf(settings.get("server.port")));
    WorkerProcess worker = new WorkerProcess(process, log, port);
    worker.awaitUp(Duration.ofSeconds(180));
    return worker;
  }

  private void awaitUp(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the worker process exited with " + process.exitValue() + ":\n" + tail());
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the worker process did not answer within " + timeout + ":\n" + tail());
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or handed back. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the worker process outlived SIGKILL");
    }
  }

  /** SIGTERM, as a deploy or an operator's {@code kill} sends: how long the worker took to exit. */
  Duration stop(Duration atMost) throws InterruptedException {
    long start = System.nanoTime();
    process.destroy();
    if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("the worker did not exit within " + atMost + " of SIGTERM:\n" + tail());
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** The process's last lines, for a failure's message. */
  String tail() {
    try {
      String all = Files.readString(log);
      return all.substring(Math.max(0, all.length() - 6000));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
