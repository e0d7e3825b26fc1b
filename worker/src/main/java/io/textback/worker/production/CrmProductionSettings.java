package io.textback.worker.production;

import java.util.List;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A CRM adapter's own production settings check, run with the others before anything connects
 * (registered in META-INF/spring.factories, so the check names no CRM itself).
 */
public interface CrmProductionSettings {
  void check(ConfigurableEnvironment env, List<String> problems);
}
