package io.textback.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CrmStepRetriesTest {
  @Test
  void anOutageWaitDoublesFrom30SecondsTo15Minutes() {
    assertThat(IntStream.rangeClosed(1, 8).mapToObj(n -> CrmStepRetries.waitAfter(CrmStepRetries.FIRST_WAIT, n)).map(Duration::toSeconds))
        .containsExactly(30L, 60L, 120L, 240L, 480L, 900L, 900L, 900L);
  }

  @Test
  void aBusyRecordWaitDoublesFrom2Seconds() {
    assertThat(IntStream.rangeClosed(1, 5).mapToObj(n -> CrmStepRetries.waitAfter(CrmStepRetries.BUSY_WAIT, n))
        .map(Duration::toSeconds)).containsExactly(2L, 4L, 8L, 16L, 32L);
  }

  @Test
  void twentyRetriesRideOutAnOutageOfMoreThanThreeAndAHalfHours() {
    // the models give each CRM step 20 retries: 19 waits between its 20 attempts
    Duration riddenOut = IntStream.rangeClosed(1, 19).mapToObj(n -> CrmStepRetries.waitAfter(CrmStepRetries.FIRST_WAIT, n))
        .reduce(Duration.ZERO, Duration::plus);
    assertThat(riddenOut).isGreaterThan(Duration.ofHours(3).plusMinutes(30));
  }
}
