package io.textback.worker.optout;

import io.textback.worker.optout.RevocationReader.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled corpus (test resource {@code optout/revocation-corpus.tsv}) and the reader's score on
 * it, and held-out texts. {@code main} prints the figures ({@code bin/revocation-figures}; {@code --list}
 * also lists each text the reader got wrong).
 */
public final class RevocationCorpus {
  /** One labelled text: {@code revokes} when a reasonable person reads "stop texting me". */
  public record Sample(boolean revokes, String text) {}

  /** How the reader did; "missed" is a revocation read as an ordinary reply, the costly error. */
  public record Score(int revocations, int replies, int revokedRight, int revokedWrong, int pausedRevocations,
      int pausedReplies, List<Sample> missed, List<Sample> wronglyRevoked) {
    public double precision() {
      return revokedRight + revokedWrong == 0 ? 1 : (double) revokedRight / (revokedRight + revokedWrong);
    }

    public double recall() {
      return (double) revokedRight / revocations;
    }

    /** Revocations that at least paused the automation for a person to decide. */
    public double caught() {
      return (double) (revokedRight + pausedRevocations) / revocations;
    }

    public String figures() {
      return """
          corpus: %d texts (%d revocations, %d ordinary replies)
          opt-out precision: %.3f (%d of %d texts read as opt-outs are revocations)
          opt-out recall:    %.3f (%d of %d revocations opted out at once)
          paused for a person: %d revocations and %d ordinary replies (doubtful)
          revocations missed (read as an ordinary reply): %d
          ordinary replies opted out by mistake: %d"""
          .formatted(revocations + replies, revocations, replies, precision(), revokedRight, revokedRight + revokedWrong,
              recall(), revokedRight, revocations, pausedRevocations, pausedReplies, missed.size(), wronglyRevoked.size());
    }
  }

  /** The texts the data file was tuned on. */
  public static List<Sample> samples() {
    return samples("/optout/revocation-corpus.tsv");
  }

  /** Texts written after the tuning, in two batches; each file's header has its first, blind reading. */
  public static List<Sample> holdout() {
    List<Sample> both = new ArrayList<>(samples("/optout/revocation-holdout.tsv"));
    both.addAll(samples("/optout/revocation-holdout-2.tsv"));
    return both;
  }

  private static List<Sample> samples(String resource) {
    try (InputStream in = RevocationCorpus.class.getResourceAsStream(resource)) {
      List<Sample> samples = new ArrayList<>();
      for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", 2);
        if (!parts[0].equals("revoke") && !parts[0].equals("reply")) {
          throw new IllegalStateException("label must be revoke or reply: " + line);
        }
        samples.add(new Sample(parts[0].equals("revoke"), parts[1]));
      }
      return samples;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Score score(RevocationReader reader, List<Sample> samples) {
    int revocations = 0;
    int right = 0;
    int wrong = 0;
    int pausedRevocations = 0;
    int pausedReplies = 0;
    List<Sample> missed = new ArrayList<>();
    List<Sample> wronglyRevoked = new ArrayList<>();
    for (Sample s : samples) {
      Verdict v = reader.read(s.text()).verdict();
      if (s.revokes()) {
        revocations++;
        switch (v) {
          case REVOKED -> right++;
          case DOUBTFUL -> pausedRevocations++;
          case NONE -> missed.add(s);
        }
      } else {
        switch (v) {
          case REVOKED -> {
            wrong++;
            wronglyRevoked.add(s);
          }
          case DOUBTFUL -> pausedReplies++;
          case NONE -> { }
        }
      }
    }
    return new Score(revocations, samples.size() - revocations, right, wrong, pausedRevocations, pausedReplies, missed,
        wronglyRevoked);
  }

  public static void main(String[] args) {
    RevocationReader reader = RevocationReader.standard();
    System.out.println("Tuning corpus (revocation-corpus.tsv):");
    System.out.println(score(reader, samples()).figures().indent(2));
    System.out.println("Held-out texts (revocation-holdout.tsv and -2.tsv, each read blind once: see their headers):");
    System.out.println(score(reader, holdout()).figures().indent(2));
    if (args.length > 0 && args[0].equals("--list")) {
      List<Sample> samples = new ArrayList<>(samples());
      samples.addAll(holdout());
      for (Sample s : samples) {
        var r = reader.read(s.text());
        boolean off = s.revokes() ? r.verdict() != Verdict.REVOKED : r.verdict() != Verdict.NONE;
        if (off) {
          System.out.println((s.revokes() ? "revoke" : "reply ") + " -> " + r.verdict() + " [" + r.matched() + "]  " + s.text());
        }
      }
    }
  }
}
