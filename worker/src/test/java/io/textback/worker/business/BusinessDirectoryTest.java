package io.textback.worker.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.textback.worker.TextbackProperties;
import io.textback.worker.crm.gohighlevel.HighLevelConnection;
import io.textback.worker.crm.gohighlevel.HighLevelProperties;
import io.textback.worker.crm.hubspot.HubSpotConnection;
import io.textback.worker.crm.hubspot.HubSpotProperties;
import io.textback.worker.phone.PhoneNumbers;
import java.time.Duration;
import java.time.ZoneId;
import io.textback.worker.business.BusinessSettings.Copy;
import io.textback.worker.copy.CopyCase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessDirectoryTest {
  /** A business's settings, with the HubSpot settings the HubSpot adapter reads for it (or none). */
  record Entry(BusinessSettings settings, HubSpotProperties.Portal hubspot) {}

  static Entry business(String id, String twilio, String missedCallCopy) {
    return business(id, twilio, missedCallCopy, null, null);
  }

  static HubSpotProperties.Portal hubspot(String token) {
    return new HubSpotProperties.Portal(token, "62515", null, null, "default", "appointmentscheduled", "closedwon", null, null);
  }

  static Entry business(String id, String twilio, String missedCallCopy, HubSpotProperties.Portal hubspot,
      String crm) {
    Copy d = Copy.DEFAULTS;
    Copy copy = missedCallCopy == null ? d : new Copy(missedCallCopy, d.afterHours(), d.form(), d.formAfterHours(),
        d.followUp1(), d.followUp2(), d.escalation(), d.help(), null, d.optOut());
    return new Entry(new BusinessSettings(id, "Demo Plumbing", twilio, "(555) 010-0001", ZoneId.of("America/Chicago"),
        ConnectionMode.DIAL, 4, Duration.ofSeconds(45), false, null, null, List.of(), "08:00-21:00", null, null,
        copy, null, List.of("555-010-9999"), null, null, null, crm, null), hubspot);
  }

  static BusinessDirectory directory(Entry... businesses) {
    return directory(new HighLevelProperties(null, List.of()), businesses);
  }

  static BusinessDirectory directory(HighLevelProperties highLevel, Entry... businesses) {
    TextbackProperties properties = new TextbackProperties("https://x.test", false, null, null, null,
        java.util.Arrays.stream(businesses).map(Entry::settings).toList());
    return new BusinessDirectory(properties, new PhoneNumbers(),
        List.of(new HubSpotConnection(hubspotOf(businesses)), new HighLevelConnection(highLevel)),
        new io.textback.worker.security.BusinessAccess());
  }

  static HubSpotProperties hubspotOf(Entry... businesses) {
    return new HubSpotProperties(new HubSpotProperties.Global("https://api.hubapi.com", 100, 5, 5, Duration.ofMillis(500),
        null, null, null, "textback SMS", false), java.util.Arrays.stream(businesses).filter(e -> e.hubspot() != null)
        .map(e -> new HubSpotProperties.Business(e.settings().id(), e.hubspot())).toList());
  }

  static HighLevelProperties.Global app(String clientId, String clientSecret) {
    return new HighLevelProperties.Global("https://services.leadconnectorhq.com", 100, 200_000, 3, Duration.ofSeconds(1),
        Duration.ofSeconds(3), Duration.ofSeconds(10), clientId, clientSecret, null, null, "https://marketplace.gohighlevel.com");
  }

  static HighLevelProperties.Business onHighLevel(String id, String locationId, String token, String providerId) {
    return new HighLevelProperties.Business(id, new HighLevelProperties.Location(locationId, token, providerId, null,
        "pipe-1", "stage-new", "stage-booked", "user-1"));
  }

  @Test
  void numbersAreNormalisedAndCopyIsRenderedAndSanitised() {
    BusinessDirectory directory = directory(business("demo", "+1 555 010 0000",
        "{business} here \u2014 sorry we missed your call! What can we do for you? Reply STOP to opt out"));

    Business demo = directory.byTwilioNumber("+15550100000").orElseThrow();
    assertThat(demo.forwardTo()).isEqualTo("+15550100001");
    assertThat(demo.blockedNumbers()).containsExactly("+15550109999");
    assertThat(demo.copy().render(CopyCase.MISSED_CALL, Map.of()))
        .isEqualTo("Demo Plumbing here - sorry we missed your call! What can we do for you? Reply STOP to opt out");
  }

  @Test
  void aTemplateThatBreaksARuleStopsTheStartNamingBusinessTemplateAndRule() {
    assertThatThrownBy(() -> directory(business("demo", "+15550100000", "Call us back at {business}!")))
        .isInstanceOf(InvalidBusinessConfigurationException.class)
        .hasMessageContaining("business 'demo': copy.missed-call breaks the rule: a text after a call must say that the call was missed")
        .hasMessageContaining("Reply STOP to opt out");
  }

  @Test
  void badNumbersAndDuplicatesAreReportedTogether() {
    assertThatThrownBy(() -> directory(business("bad", "not a number", null),
        business("dup", "+15550100002", null), business("dup", "+15550100003", null)))
        .isInstanceOfSatisfying(InvalidBusinessConfigurationException.class, e -> assertThat(e.problems())
            .anyMatch(p -> p.contains("twilio-number is not a valid phone number"))
            .anyMatch(p -> p.contains("the id is used twice")));
  }

  @Test
  void theCrmIsHubSpotWhenItsTokenIsSet_noneOtherwise_andNoneDisconnectsIt() {
    Entry[] entries = {business("with-hubspot", "+15550100000", null, hubspot("pat-na1-x"), null),
        business("without", "+15550100010", null, null, null),
        business("standalone", "+15550100020", null, hubspot("pat-na1-y"), "none")};
    BusinessDirectory directory = directory(entries);

    assertThat(directory.byId("with-hubspot").orElseThrow().crm()).isEqualTo("hubspot");
    assertThat(directory.byId("without").orElseThrow().crm()).isEqualTo("none");
    Business standalone = directory.byId("standalone").orElseThrow();
    assertThat(standalone.crm()).isEqualTo("none");
    var portals = new io.textback.worker.crm.hubspot.ConfiguredHubSpotPortals(directory, hubspotOf(entries), new io.textback.crm.InMemoryRequestBudget());
    assertThat(portals.forBusiness("standalone")).as("nothing goes to HubSpot").isEmpty();
    assertThat(portals.forBusiness("with-hubspot")).isPresent();
  }

  @Test
  void aCrmTheSettingsCannotServe_stopsTheStartWithTheReason() {
    assertThatThrownBy(() -> directory(business("a", "+15550100000", null, null, "hubspot"),
        business("b", "+15550100010", null, null, "gohighlevel"), business("c", "+15550100020", null, null, "salesforce")))
        .isInstanceOfSatisfying(InvalidBusinessConfigurationException.class, e -> assertThat(e.problems())
            .anyMatch(p -> p.contains("business 'a'") && p.contains("crm is hubspot but hubspot.access-token is not set"))
            .anyMatch(p -> p.contains("business 'b'") && p.contains("crm is gohighlevel but gohighlevel.location-id is not set"))
            .anyMatch(p -> p.contains("business 'c'") && p.contains("one of hubspot, gohighlevel, none")));
  }

  @Test
  void aHighLevelBusiness_needsItsLocation_andATokenOrTheApp_andAProviderOnlyWithTheApp() {
    HighLevelProperties noApp = new HighLevelProperties(app(null, null), List.of(onHighLevel("pit", "loc-1", "pit-token", null),
        onHighLevel("no-token", "loc-2", null, null), onHighLevel("pit-with-provider", "loc-3", "pit-token", "prov-1")));
    assertThatThrownBy(() -> directory(noApp, business("pit", "+15550100000", null, null, "gohighlevel"),
        business("no-token", "+15550100010", null, null, "gohighlevel"),
        business("pit-with-provider", "+15550100020", null, null, "gohighlevel")))
        .isInstanceOfSatisfying(InvalidBusinessConfigurationException.class, e -> assertThat(e.problems())
            .noneMatch(p -> p.contains("business 'pit'"))
            .anyMatch(p -> p.contains("business 'no-token'") && p.contains("private-integration-token, or the marketplace app"))
            .anyMatch(p -> p.contains("business 'pit-with-provider'") && p.contains("cannot own a conversation provider")));

    HighLevelProperties withApp = new HighLevelProperties(app("client-1", "secret-1"),
        List.of(onHighLevel("app", "loc-4", null, "prov-1")));
    BusinessDirectory directory = directory(withApp, business("app", "+15550100030", null, null, null));
    assertThat(directory.byId("app").orElseThrow().crm()).as("a location id alone makes it a HighLevel business")
        .isEqualTo("gohighlevel");
    assertThat(new io.textback.worker.crm.hubspot.ConfiguredHubSpotPortals(directory, hubspotOf(), new io.textback.crm.InMemoryRequestBudget()).forBusiness("app")).isEmpty();
  }
}
