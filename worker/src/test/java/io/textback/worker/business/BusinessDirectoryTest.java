package io.textback.worker.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.textback.worker.TextbackProperties;
import io.textback.worker.phone.PhoneNumbers;
import java.time.Duration;
import java.time.ZoneId;
import io.textback.worker.business.BusinessSettings.Copy;
import io.textback.worker.copy.CopyCase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessDirectoryTest {
  static BusinessSettings business(String id, String twilio, String missedCallCopy) {
    return business(id, twilio, missedCallCopy, null, null);
  }

  static BusinessSettings.HubSpot hubspot(String token) {
    return new BusinessSettings.HubSpot(token, "62515", null, null, "default", "appointmentscheduled", "closedwon", null, null);
  }

  static BusinessSettings business(String id, String twilio, String missedCallCopy, BusinessSettings.HubSpot hubspot,
      String crm) {
    Copy d = Copy.DEFAULTS;
    Copy copy = missedCallCopy == null ? d : new Copy(missedCallCopy, d.afterHours(), d.form(), d.formAfterHours(),
        d.followUp1(), d.followUp2(), d.escalation(), d.help(), null);
    return new BusinessSettings(id, "Demo Plumbing", twilio, "(555) 010-0001", ZoneId.of("America/Chicago"),
        ConnectionMode.DIAL, 4, Duration.ofSeconds(45), false, null, null, List.of(), "08:00-21:00", null, null,
        copy, null, List.of("555-010-9999"), null, hubspot, null, null, crm);
  }

  static BusinessDirectory directory(BusinessSettings... businesses) {
    return new BusinessDirectory(new TextbackProperties("https://x.test", false, null, null, null, null, List.of(businesses)),
        new PhoneNumbers());
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
    BusinessDirectory directory = directory(business("with-hubspot", "+15550100000", null, hubspot("pat-na1-x"), null),
        business("without", "+15550100010", null, null, null),
        business("standalone", "+15550100020", null, hubspot("pat-na1-y"), "none"));

    assertThat(directory.byId("with-hubspot").orElseThrow().crm()).isEqualTo("hubspot");
    assertThat(directory.byId("without").orElseThrow().crm()).isEqualTo("none");
    Business standalone = directory.byId("standalone").orElseThrow();
    assertThat(standalone.crm()).isEqualTo("none");
    assertThat(standalone.hubspot()).as("nothing goes to HubSpot").isNull();
  }

  @Test
  void aCrmTheSettingsCannotServe_stopsTheStartWithTheReason() {
    assertThatThrownBy(() -> directory(business("a", "+15550100000", null, null, "hubspot"),
        business("b", "+15550100010", null, null, "gohighlevel"), business("c", "+15550100020", null, null, "salesforce")))
        .isInstanceOfSatisfying(InvalidBusinessConfigurationException.class, e -> assertThat(e.problems())
            .anyMatch(p -> p.contains("business 'a'") && p.contains("crm is hubspot but hubspot.access-token is not set"))
            .anyMatch(p -> p.contains("business 'b'") && p.contains("gohighlevel is not available yet"))
            .anyMatch(p -> p.contains("business 'c'") && p.contains("one of hubspot, none")));
  }
}
