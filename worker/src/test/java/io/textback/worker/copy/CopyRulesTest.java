package io.textback.worker.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.textback.worker.business.BusinessSettings;
import io.textback.worker.copy.CopyRules.Case;
import org.junit.jupiter.api.Test;

class CopyRulesTest {
  static final String NAME = "Demo Plumbing";

  @Test
  void theDefaultTextBackKeepsEveryRule() {
    String text = BusinessSettings.Copy.DEFAULT_MISSED_CALL.replace("{business}", NAME);

    assertThat(CopyRules.violations(text, NAME, Case.MISSED_CALL_FIRST_TEXT)).isEmpty();
    assertThat(Gsm7.segments(text)).isEqualTo(1);
  }

  @Test
  void eachBrokenRuleIsNamed() {
    assertThat(CopyRules.violations("We are sorry, this is the team at Demo Plumbing. Missed you? Reply STOP to opt out",
        NAME, Case.MISSED_CALL_FIRST_TEXT)).singleElement().asString().contains("first six words");
    assertThat(CopyRules.violations("Demo Plumbing here. What can we do for you? Reply STOP to opt out",
        NAME, Case.MISSED_CALL_FIRST_TEXT)).singleElement().asString().contains("call was missed");
    assertThat(CopyRules.violations("Demo Plumbing here, we missed your call. Reply STOP to opt out",
        NAME, Case.MISSED_CALL_FIRST_TEXT)).singleElement().asString().contains("question");
    assertThat(CopyRules.violations("Demo Plumbing here, we missed your call. How can we help?",
        NAME, Case.MISSED_CALL_FIRST_TEXT)).singleElement().asString().contains("Reply STOP to opt out");
    assertThat(CopyRules.violations("Demo Plumbing here \uD83D\uDD27 we missed your call. How can we help? Reply STOP to opt out",
        NAME, Case.MISSED_CALL_FIRST_TEXT)).singleElement().asString().contains("GSM-7").contains("U+1F527");
  }

  @Test
  void aFirstTextMayTakeTwoSegmentsButNotThree() {
    String prefix = "Demo Plumbing here, we missed your call. How can we help? Reply STOP to opt out. ";
    String at306 = prefix + "x".repeat(306 - prefix.length());
    String at307 = at306 + "x";

    assertThat(Gsm7.segments(at306)).isEqualTo(2);
    assertThat(CopyRules.violations(at306, NAME, Case.MISSED_CALL_FIRST_TEXT)).isEmpty();
    assertThat(Gsm7.segments(at307)).isEqualTo(3);
    assertThat(CopyRules.violations(at307, NAME, Case.MISSED_CALL_FIRST_TEXT)).singleElement().asString()
        .contains("at most 2 SMS segments");
  }

  @Test
  void everyDefaultTemplateKeepsItsRules() {
    java.util.List<String> problems = new java.util.ArrayList<>();
    CopyBook book = CopyBook.load(BusinessSettings.Copy.DEFAULTS, NAME, "+15550100000", problems);

    assertThat(problems).isEmpty();
    assertThat(book.render(CopyCase.FORM, java.util.Map.of())).startsWith("Hi there, it's Demo Plumbing.");
    assertThat(book.render(CopyCase.HELP, java.util.Map.of())).contains("+15550100000");
  }

  @Test
  void anUnknownPlaceholderIsRefusedWithItsName() {
    var d = BusinessSettings.Copy.DEFAULTS;
    java.util.List<String> problems = new java.util.ArrayList<>();
    CopyBook.load(new BusinessSettings.Copy(d.missedCall(), d.afterHours(), d.form(), d.formAfterHours(),
        "{business} again, {fristName}?", d.followUp2(), d.escalation(), d.help(), null, d.optOut()), NAME, "+15550100000", problems);

    assertThat(problems).singleElement().asString().contains("copy.follow-up-1").contains("{fristName}");
  }

  @Test
  void sanitizeTurnsTypographyIntoGsm7() {
    String typeset = "Demo Plumbing \u2014 we\u2019re sorry we missed your call\u2026 \u201CHow can we help?\u201D";

    String clean = Gsm7.sanitize(typeset);

    assertThat(Gsm7.isGsm7(typeset)).isFalse();
    assertThat(clean).isEqualTo("Demo Plumbing - we're sorry we missed your call... \"How can we help?\"");
    assertThat(Gsm7.isGsm7(clean)).isTrue();
  }

  @Test
  void extensionCharactersCountDouble() {
    assertThat(Gsm7.septets("{}")).isEqualTo(4);
    assertThat(Gsm7.segments("\u20AC".repeat(80))).isEqualTo(1);
    assertThat(Gsm7.segments("\u20AC".repeat(81))).isEqualTo(2);
  }

  @Test
  void ucs2TextCountsSeventyPerSegment() {
    assertThat(Gsm7.segments("\u4F60".repeat(70))).isEqualTo(1);
    assertThat(Gsm7.segments("\u4F60".repeat(71))).isEqualTo(2);
  }
}
