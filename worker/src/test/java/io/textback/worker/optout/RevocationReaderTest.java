package io.textback.worker.optout;

import static org.assertj.core.api.Assertions.assertThat;

import io.textback.worker.optout.RevocationReader.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reader on the labelled corpus (bin/revocation-figures prints the figures): a missed revocation
 * is the costly error, so none may read as an ordinary reply.
 */
class RevocationReaderTest {
  static final RevocationReader READER = RevocationReader.standard();

  @Test
  void theCorpusHasAtLeast300LabelledTexts_inBothLanguages() {
    List<RevocationCorpus.Sample> samples = RevocationCorpus.samples();
    assertThat(samples.size() + RevocationCorpus.holdout().size()).isGreaterThanOrEqualTo(300);
    assertThat(samples).anyMatch(s -> s.revokes() && s.text().contains("más"))
        .anyMatch(s -> !s.revokes() && s.text().toLowerCase().contains("stop"));
  }

  @Test
  void noRevocationInTheCorpusIsReadAsAnOrdinaryReply() {
    for (List<RevocationCorpus.Sample> set : List.of(RevocationCorpus.samples(), RevocationCorpus.holdout())) {
      RevocationCorpus.Score score = RevocationCorpus.score(READER, set);
      assertThat(score.missed()).as(score.figures()).isEmpty();
      assertThat(score.recall()).as(score.figures()).isGreaterThanOrEqualTo(0.97);
      assertThat(score.precision()).as(score.figures()).isGreaterThanOrEqualTo(0.97);
    }
  }

  @Test
  void theIssuesExamples() {
    assertThat(READER.read("Please stop texting me").verdict()).isEqualTo(Verdict.REVOKED);
    assertThat(READER.read("No más mensajes por favor").verdict()).isEqualTo(Verdict.REVOKED);
    assertThat(READER.read("remove me from your list").verdict()).isEqualTo(Verdict.REVOKED);
    assertThat(READER.read("Can you stop by tomorrow at 3?").verdict()).isEqualTo(Verdict.NONE);
    assertThat(READER.read("can you stop the leak").verdict()).isEqualTo(Verdict.NONE);
  }

  @Test
  void keywordsInAnyCasePunctuationAndOneLetterOff() {
    for (String text : List.of("STOP", "stop.", "Stop!!!", " StOp ", "stpo", "UNSUBSCRIBE", "unsubscibe", "opt-out", "Cancel.",
        "QUIT", "end", "revoke", "STOPALL", "Alto", "BAJA")) {
      assertThat(READER.read(text).verdict()).as(text).isEqualTo(Verdict.REVOKED);
    }
  }

  @Test
  void aDoubtfulText_isNotAnOptOutButAskedAbout() {
    assertThat(READER.read("not interested").verdict()).isEqualTo(Verdict.DOUBTFUL);
    assertThat(READER.read("The heat quit again").verdict()).isEqualTo(Verdict.DOUBTFUL);
    assertThat(READER.read("not interested").matched()).isEqualTo("not interested");
  }

  @Test
  void theBusinessesOwnPhrasesRevokeToo() {
    assertThat(READER.read("basta de mensajes, gracias", List.of()).verdict()).isNotEqualTo(Verdict.NONE);
    assertThat(READER.read("I'm all set, lose this thread", List.of()).verdict()).isEqualTo(Verdict.NONE);
    assertThat(READER.read("I'm all set, lose this thread", List.of("lose this thread")).verdict()).isEqualTo(Verdict.REVOKED);
  }

  @Test
  void oneEditApart_isDamerau() {
    assertThat(RevocationReader.oneEditApart("stpo", "stop")).isTrue();
    assertThat(RevocationReader.oneEditApart("stopp", "stop")).isTrue();
    assertThat(RevocationReader.oneEditApart("sop", "stop")).isTrue();
    assertThat(RevocationReader.oneEditApart("shop", "stop")).isTrue();
    assertThat(RevocationReader.oneEditApart("spot", "stop")).isFalse();
  }
}
