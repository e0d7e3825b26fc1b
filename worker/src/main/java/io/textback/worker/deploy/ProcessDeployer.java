package io.textback.worker.deploy;

import io.camunda.client.CamundaClient;
import io.textback.worker.TextbackProperties;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the bundled models when textback.deploy-processes is on (local mode). Off in production:
 * RevOps deploy from Modeler and a worker restart must never roll their version back. Retries in the
 * background while the engine is not reachable yet.
 */
@Component
public class ProcessDeployer {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployer.class);
  private final CamundaClient client;
  private final boolean enabled;
  private volatile boolean deployed;

  public ProcessDeployer(CamundaClient client, TextbackProperties properties) {
    this.client = client;
    this.enabled = properties.deployProcesses();
  }

  @EventListener(ApplicationReadyEvent.class)
  public void deployOnStart() {
    if (enabled) {
      Thread.ofPlatform().name("process-deployer").daemon().start(this::deployUntilDone);
    }
  }

  public boolean isDeployed() {
    return deployed;
  }

  private void deployUntilDone() {
    long delay = 250;
    while (!deployed) {
      try {
        deploy();
        deployed = true;
      } catch (RuntimeException | IOException e) {
        LOG.warn("Could not deploy the process models yet ({}); retrying", e.getMessage());
        try {
          Thread.sleep(delay);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
        delay = Math.min(delay * 2, 10_000);
      }
    }
  }

  void deploy() throws IOException {
    Resource[] models = models();
    if (models.length == 0) {
      throw new IllegalStateException("no BPMN models on the classpath (bpmn/*.bpmn)");
    }
    var command = client.newDeployResourceCommand().addResourceStream(open(models[0]), models[0].getFilename());
    for (int i = 1; i < models.length; i++) {
      command = command.addResourceStream(open(models[i]), models[i].getFilename());
    }
    var result = command.send().join(30, TimeUnit.SECONDS);
    result.getProcesses().forEach(p ->
        LOG.info("Deployed {} version {}", p.getBpmnProcessId(), p.getVersion()));
  }

  private static Resource[] models() throws IOException {
    return new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn");
  }

  /** The classpath names of every bundled model (bpmn/x.bpmn), as a process test deploys them. */
  public static String[] bundledModels() {
    try {
      return java.util.Arrays.stream(models()).map(r -> "bpmn/" + r.getFilename()).sorted().toArray(String[]::new);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("the bundled models cannot be listed", e);
    }
  }

  private static InputStream open(Resource resource) throws IOException {
    return resource.getInputStream();
  }
}
