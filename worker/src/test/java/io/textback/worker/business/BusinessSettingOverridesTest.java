package io.textback.worker.business;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** One environment variable changes one setting of a configured business, not the whole business. */
class BusinessSettingOverridesTest {

  static StandardEnvironment environment(Map<String, Object> variables) {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    env.getPropertySources().addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    env.getPropertySources().addLast(new MapPropertySource("businesses-file", Map.of(
        "textback.businesses[0].id", "demo-plumbing",
        "textback.businesses[0].name", "Demo Plumbing",
        "textback.businesses[0].twilio-number", "+15550100000",
        "textback.businesses[0].ring-count", "4",
        "textback.businesses[0].opening-hours.monday", "08:00-18:00",
        "textback.businesses[0].hubspot.access-token", "pat-na1-demo",
        "textback.businesses[1].id", "cool-air",
        "textback.businesses[1].name", "Cool Air")));
    return env;
  }

  static List<BusinessSettings> bind(StandardEnvironment env) {
    new BusinessSettingOverrides().postProcessEnvironment(env, null);
    return Binder.get(env).bind("textback.businesses", Bindable.listOf(BusinessSettings.class)).get();
  }

  @Test
  void aRingCountFromTheEnvironment_changesOnlyTheRingCount() {
    StandardEnvironment env = environment(Map.of("TEXTBACK_BUSINESSES_0_RING_COUNT", "3"));
    List<BusinessSettings> businesses = bind(env);

    assertThat(businesses).hasSize(2);
    assertThat(businesses.get(0).ringCount()).isEqualTo(3);
    assertThat(businesses.get(0).name()).isEqualTo("Demo Plumbing");
    assertThat(businesses.get(0).twilioNumber()).isEqualTo("+15550100000");
    assertThat(Binder.get(env).bind("textback", io.textback.worker.crm.hubspot.HubSpotProperties.class).get()
        .of("demo-plumbing").orElseThrow().accessToken()).as("the HubSpot adapter's settings are kept").isEqualTo("pat-na1-demo");
    assertThat(businesses.get(1).name()).isEqualTo("Cool Air");
  }

  @Test
  void oneDayOfOpeningHours_keepsTheOtherDays() {
    List<BusinessSettings> businesses = bind(environment(Map.of(
        "TEXTBACK_BUSINESSES_0_OPENINGHOURS_SATURDAY", "00:00-24:00", "TEXTBACK_BUSINESSES_0_RINGCOUNT", "2")));

    assertThat(businesses.get(0).openingHours())
        .containsEntry(DayOfWeek.MONDAY, "08:00-18:00").containsEntry(DayOfWeek.SATURDAY, "00:00-24:00");
    assertThat(businesses.get(0).ringCount()).isEqualTo(2);
  }

  @Test
  void aNewBusinessFromTheEnvironment_isAddedBesideTheConfiguredOnes() {
    List<BusinessSettings> businesses = bind(environment(Map.of(
        "TEXTBACK_BUSINESSES_2_ID", "sparky", "TEXTBACK_BUSINESSES_2_NAME", "Sparky Electric")));

    assertThat(businesses).extracting(BusinessSettings::id).containsExactly("demo-plumbing", "cool-air", "sparky");
  }

  @Test
  void oneSourceAlone_isLeftAsItIs() {
    StandardEnvironment env = environment(Map.of());

    bind(env);

    assertThat(env.getPropertySources().contains(BusinessSettingOverrides.SOURCE)).isFalse();
  }
}
