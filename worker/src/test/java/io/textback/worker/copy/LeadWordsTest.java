package io.textback.worker.copy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeadWordsTest {
  @Test
  void aShortText_isQuotedAsWritten_onOneLine() {
    assertThat(LeadWords.quote("Hi, my water heater\n  is leaking")).isEqualTo("Hi, my water heater is leaking");
  }

  @Test
  void aLongText_isCutAtAWord() {
    String quoted = LeadWords.quote("The basement is flooding and the water heater in the corner is leaking from the bottom valve");
    assertThat(quoted).hasSizeLessThanOrEqualTo(LeadWords.MAX).endsWith("...").startsWith("The basement is flooding");
    assertThat(quoted).isEqualTo("The basement is flooding and the water heater in the...");
  }

  @Test
  void links_neverReachTheDispatchersPhone() {
    assertThat(LeadWords.quote("see https://evil.example/pay now or www.x.io or bit.ly/abc or pay.com"))
        .isEqualTo("see [link] now or [link] or [link] or [link]");
  }

  @Test
  void nothing_isEmpty() {
    assertThat(LeadWords.quote(null)).isEmpty();
    assertThat(LeadWords.quote("  ")).isEmpty();
  }
}
