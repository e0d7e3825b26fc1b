package io.textback.worker.business;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Lets one setting of a configured business be changed from a higher source (an environment
 * variable such as {@code TEXTBACK_BUSINESSES_0_RING_COUNT=3}) without replacing the business.
 * Spring binds a list from the single highest source that has any of its elements, so such a
 * variable alone would replace the whole list with one business that has only a ring count. When
 * more than one source sets {@code textback.businesses}, this merges them, key by key, the higher
 * source winning, into one source above them all. It runs after the config files are loaded.
 */
public class BusinessSettingOverrides implements EnvironmentPostProcessor {
  /** Spring reads a source as environment variables only when its name ends so. */
  static final String SOURCE = "textback-businesses-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
  private static final ConfigurationPropertyName BUSINESSES = ConfigurationPropertyName.of("textback.businesses");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    Map<String, Object> merged = new LinkedHashMap<>();
    Map<String, String> squashed = new LinkedHashMap<>();
    int contributing = 0;
    for (PropertySource<?> source : env.getPropertySources()) {
      if (source.getName().equals(SOURCE)) {
        return;
      }
      boolean contributed = false;
      for (ConfigurationPropertySource adapted : ConfigurationPropertySources.from(source)) {
        if (!(adapted instanceof IterableConfigurationPropertySource iterable)) {
          continue;
        }
        // Only a business's settings (textback.businesses[n]...): TEXTBACK_BUSINESSES_FILE, the
        // production file's path, is not one.
        List<ConfigurationPropertyName> names = iterable.stream().filter(BUSINESSES::isAncestorOf)
            .filter(n -> n.getNumberOfElements() > 2 && n.isNumericIndex(2)).toList();
        for (ConfigurationPropertyName name : names) {
          var property = iterable.getConfigurationProperty(name);
          if (property == null) {
            continue;
          }
          contributed = true;
          // Compared in the environment-variable form with every separator removed, so that
          // RING_COUNT, ring-count and ringCount are one setting.
          String key = environmentForm(name);
          String loose = key.replace("_", "");
          if (!squashed.containsKey(loose)) {
            squashed.put(loose, key);
            merged.put(key, property.getValue());
          }
        }
      }
      if (contributed) {
        contributing++;
      }
    }
    if (contributing > 1) {
      env.getPropertySources().addFirst(new SystemEnvironmentPropertySource(SOURCE, merged));
    }
  }

  /** textback.businesses[0].timers.follow-up-1 → TEXTBACK_BUSINESSES_0_TIMERS_FOLLOWUP1. */
  static String environmentForm(ConfigurationPropertyName name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.getNumberOfElements(); i++) {
      if (i > 0) {
        out.append('_');
      }
      out.append(name.getElement(i, ConfigurationPropertyName.Form.UNIFORM).toUpperCase(Locale.ROOT));
    }
    return out.toString();
  }
}
