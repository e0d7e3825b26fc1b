package io.textback.connector.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What reaches a log line from outside: numbers masked to their last four digits, control characters escaped. */
class PhoneMaskTest {

  @Test
  void numbersInAPathOrAReason_areMasked() {
    assertThat(PhoneMask.forLog("/api/conversations/demo-plumbing:+15551234567/replies"))
        .isEqualTo("/api/conversations/demo-plumbing:***4567/replies");
    assertThat(PhoneMask.forLog("/api/conversations/demo-plumbing%3A%2B15551234567/replies"))
        .isEqualTo("/api/conversations/demo-plumbing%3A***4567/replies");
    assertThat(PhoneMask.forLog("call from 5551234567 refused")).isEqualTo("call from ***4567 refused");
    assertThat(PhoneMask.forLog("limit must be between 1 and 500")).isEqualTo("limit must be between 1 and 500");
  }

  @Test
  void controlCharacters_areWrittenOutNotSent() {
    assertThat(PhoneMask.forLog("no business \u001b[31mred\u001b[0m\r\nFAKE LOG LINE"))
        .isEqualTo("no business \\u001b[31mred\\u001b[0m\\u000d\\u000aFAKE LOG LINE");
  }
}
