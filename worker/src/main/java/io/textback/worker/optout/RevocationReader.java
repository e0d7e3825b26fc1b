package io.textback.worker.optout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a lead's text for a revoked consent, in any words (FCC 24-24: "by any reasonable means"):
 * the keywords in any case, punctuation and one-letter misspelling, and phrases in English and
 * Spanish, as written in {@code optout/revocations.txt}. A doubtful text (the words could mean
 * "stop texting me", or could not) is not an opt-out: a person decides. Plain Java, so the corpus
 * figures run without the application.
 */
public final class RevocationReader {
  /** How a text reads. */
  public enum Verdict { REVOKED, DOUBTFUL, NONE }

  /** The verdict and the words that gave it (a keyword or phrase of the data file), or null. */
  public record Reading(Verdict verdict, String matched) {
    public boolean revoked() {
      return verdict == Verdict.REVOKED;
    }
  }

  private static final String RESOURCE = "/optout/revocations.txt";
  /** Shorter words are matched exactly: one letter off turns "end" into "and", "para" into "part". */
  private static final int FUZZY_PHRASE_WORD = 6;
  private static final int MAX_GAP = 2;

  private final Map<String, String> forms;
  private final Set<String> keywords;
  private final Set<String> fuzzyKeywords;
  private final Set<String> filler;
  private final List<List<String>> clauses;
  private final List<List<String>> revoke;
  private final List<List<String>> ordinary;
  private final List<List<String>> doubtful;

  private RevocationReader(Map<String, List<String>> sections) {
    forms = new HashMap<>();
    for (String line : sections.getOrDefault("forms", List.of())) {
      String[] parts = line.split("\\s+", 2);
      forms.put(fold(parts[0]), parts[1].trim());
    }
    keywords = new HashSet<>();
    fuzzyKeywords = new HashSet<>();
    for (String word : sections.getOrDefault("keywords", List.of())) {
      String w = word.endsWith("~") ? word.substring(0, word.length() - 1) : word;
      keywords.add(w);
      if (word.endsWith("~")) {
        fuzzyKeywords.add(w);
      }
    }
    filler = new HashSet<>(sections.getOrDefault("filler", List.of()));
    clauses = phrases(sections.get("clauses"));
    revoke = phrases(sections.get("revoke"));
    ordinary = phrases(sections.get("ordinary"));
    doubtful = phrases(sections.get("doubtful"));
  }

  /** The reader of textback's own data file. */
  public static RevocationReader standard() {
    try (InputStream in = RevocationReader.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return new RevocationReader(sections(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a text with textback's phrases and the business's own ({@code extraPhrases} revoke too). */
  public Reading read(String body, List<String> extraPhrases) {
    List<String> words = words(body);
    if (words.isEmpty()) {
      return new Reading(Verdict.NONE, null);
    }
    for (String clause : body.split("[.!?,;:\n]+")) {
      List<String> clauseWords = words(clause);
      String keyword = onlyKeyword(clauseWords);
      if (keyword != null && spans(clauseWords, ordinary).isEmpty()) {
        return new Reading(Verdict.REVOKED, keyword);
      }
      List<String> said = clauseWords.stream().filter(w -> !filler.contains(w)).toList();
      if (clauses.contains(clauseWords) || clauses.contains(said)) {
        return new Reading(Verdict.REVOKED, String.join(" ", said));
      }
    }
    List<int[]> ordinarySpans = spans(words, ordinary);
    List<List<String>> revoking = new ArrayList<>(revoke);
    revoking.addAll(phrases(extraPhrases));
    String found = firstCounted(words, revoking, ordinarySpans);
    if (found != null) {
      return new Reading(Verdict.REVOKED, found);
    }
    found = firstCounted(words, doubtful, ordinarySpans);
    return found == null ? new Reading(Verdict.NONE, null) : new Reading(Verdict.DOUBTFUL, found);
  }

  public Reading read(String body) {
    return read(body, List.of());
  }

  /** The text as normalised words: lower case, no accents or apostrophes, word forms to their stem. */
  List<String> words(String body) {
    if (body == null) {
      return List.of();
    }
    // "STOPPPP", "pleaseee": a letter typed three times or more counts once
    String text = fold(body).replace("#", " number ").replaceAll("['’`´]", "").replaceAll("[^a-z0-9ñ*]+", " ").replaceAll("([a-z])\\1{2,}", "$1").trim();
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> words = new ArrayList<>();
    for (String w : text.split(" ")) {
      String stem = forms.getOrDefault(w, w);
      words.addAll(Arrays.asList(stem.split(" ")));
    }
    return words;
  }

  /** The keyword when a clause is a keyword with nothing but filler around it ("Wrong number, STOP please!"). */
  private String onlyKeyword(List<String> words) {
    String keyword = null;
    for (String w : words) {
      if (filler.contains(w)) {
        continue;
      }
      String k = keywordFor(w);
      if (k == null || keyword != null && !keyword.equals(k)) {
        return null;
      }
      keyword = k;
    }
    return keyword;
  }

  private String keywordFor(String word) {
    if (keywords.contains(word)) {
      return word;
    }
    for (String k : fuzzyKeywords) {
      if (oneEditApart(word, k)) {
        return k;
      }
    }
    return null;
  }

  /**
   * The first phrase found whose match does not overlap an ordinary use, or overlaps only ordinary
   * uses shorter than itself.
   */
  private String firstCounted(List<String> words, List<List<String>> phrases, List<int[]> ordinarySpans) {
    for (List<String> phrase : phrases) {
      for (int start = 0; start < words.size(); start++) {
        int end = matchEnd(words, phrase, 0, start, true);
        if (end > 0 && counts(start, end, ordinarySpans)) {
          return String.join(" ", phrase);
        }
      }
    }
    return null;
  }

  private static boolean counts(int from, int to, List<int[]> ordinarySpans) {
    for (int[] span : ordinarySpans) {
      boolean overlaps = from < span[1] && span[0] < to;
      if (overlaps && to - from <= span[1] - span[0]) {
        return false;
      }
    }
    return true;
  }

  private List<int[]> spans(List<String> words, List<List<String>> phrases) {
    List<int[]> spans = new ArrayList<>();
    for (List<String> phrase : phrases) {
      for (int start = 0; start < words.size(); start++) {
        int end = matchEnd(words, phrase, 0, start, false);
        if (end > 0) {
          spans.add(new int[] {start, end});
        }
      }
    }
    return spans;
  }

  /**
   * Where the phrase from its word {@code p} on ends when matched at word {@code at}, or -1. A
   * {@code *} in a phrase stands for up to two words that are not keywords ("don't * text" finds
   * "don't ever text", not "don't stop texting"). Ordinary uses match exactly: "removed" is an
   * ordinary word, "remove" is not.
   */
  private int matchEnd(List<String> words, List<String> phrase, int p, int at, boolean fuzzy) {
    if (p == phrase.size()) {
      return at;
    }
    String want = phrase.get(p);
    if (want.equals("*")) {
      for (int gap = 0; gap <= MAX_GAP && at + gap <= words.size(); gap++) {
        if (gap > 0 && keywordFor(words.get(at + gap - 1)) != null) {
          return -1;
        }
        int end = matchEnd(words, phrase, p + 1, at + gap, fuzzy);
        if (end > 0) {
          return end;
        }
      }
      return -1;
    }
    if (at >= words.size()) {
      return -1;
    }
    String word = words.get(at);
    boolean same = word.equals(want) || fuzzy && want.length() >= FUZZY_PHRASE_WORD && oneEditApart(word, want);
    return same ? matchEnd(words, phrase, p + 1, at + 1, fuzzy) : -1;
  }

  /** One insertion, deletion, substitution or swap of neighbours apart (Damerau). */
  static boolean oneEditApart(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1) {
      return false;
    }
    int i = 0;
    while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (la == lb) {
      if (a.substring(i + 1).equals(b.substring(i + 1))) {
        return true;
      }
      return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
          && a.substring(i + 2).equals(b.substring(i + 2));
    }
    return la > lb ? a.substring(i + 1).equals(b.substring(i)) : b.substring(i + 1).equals(a.substring(i));
  }

  private List<List<String>> phrases(List<String> lines) {
    List<List<String>> phrases = new ArrayList<>();
    if (lines == null) {
      return phrases;
    }
    for (String line : lines) {
      List<String> words = words(line);
      if (!words.isEmpty()) {
        phrases.add(List.copyOf(words));
      }
    }
    return phrases;
  }

  private static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
        .replace("n\u0303", "n");
  }

  private static Map<String, List<String>> sections(List<String> lines) {
    Map<String, List<String>> sections = new HashMap<>();
    List<String> current = null;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
      } else if (current != null) {
        current.add(line);
      }
    }
    return sections;
  }
}
