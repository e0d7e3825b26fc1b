package io.textback.worker.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.textback.worker.business.BusinessSettings.Copy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopyBookTest {
  static final String NAME = "Demo Plumbing";

  static Copy withForm(String form) {
    return new Copy(Copy.DEFAULT_MISSED_CALL, Copy.DEFAULT_AFTER_HOURS, form, Copy.DEFAULT_FORM_AFTER_HOURS,
        Copy.DEFAULT_FOLLOW_UP_1, Copy.DEFAULT_FOLLOW_UP_2, Copy.DEFAULT_ESCALATION, Copy.DEFAULT_HELP, null, Copy.DEFAULT_OPT_OUT);
  }

  @Test
  void aNameFromAFormThatIsNotAPlainNameReadsThere() {
    CopyBook book = CopyBook.load(withForm(Copy.DEFAULT_FORM), NAME, "+15555550100", new ArrayList<>());

    assertThat(book.render(CopyCase.FORM, Map.of("firstName", "Your card was charged $499, visit http://evil.example")))
        .startsWith("Hi there, it's Demo Plumbing.").doesNotContain("evil");
    assertThat(book.render(CopyCase.FORM, Map.of("firstName", "Ana"))).startsWith("Hi Ana, it's Demo Plumbing.");
  }

  @Test
  void aTextThatWouldBreakTheRulesAsSentGoesWithoutTheName() {
    // A template at the edge of two segments: refused at load (the longest name breaks it), and should
    // it be used anyway, a long name must not make a text Twilio takes as three segments.
    String form = "Hi {firstName}, it's {business}. What's the best time to reach you? Reply STOP to opt out. ";
    // with "there" and the business's name filled in, exactly 306 characters
    String padded = form + "x".repeat(306 - form.length() + "{firstName}".length() - "there".length()
        + "{business}".length() - NAME.length());
    List<String> problems = new ArrayList<>();
    CopyBook book = CopyBook.load(withForm(padded), NAME, "+15555550100", problems);
    assertThat(problems).singleElement().asString().contains("copy.form").contains("at most 2 SMS segments");

    String sent = book.render(CopyCase.FORM, Map.of("firstName", "Bartholomew"));

    assertThat(sent).startsWith("Hi there,");
    assertThat(CopyRules.violations(sent, NAME, CopyRules.Case.FORM_FIRST_TEXT)).isEmpty();
    assertThat(book.render(CopyCase.FORM, Map.of())).isEqualTo(sent);
  }
}
