package io.textback.worker.copy;

import java.util.regex.Pattern;

/**
 * A lead's own words quoted in a text to the business's staff: one line, cut at a word, and with no
 * link a stranger could make a dispatcher's phone open (a link shows as [link]).
 */
public final class LeadWords {
  public static final int MAX = 60;
  private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S*|\\b\\S+\\.(?:com|net|org|ly|io|co|info|biz|xyz)(?:/\\S*)?\\b");

  private LeadWords() {}

  public static String quote(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String line = LINK.matcher(text).replaceAll("[link]").replaceAll("\\s+", " ").trim();
    if (line.length() <= MAX) {
      return line;
    }
    int cut = line.lastIndexOf(' ', MAX - 3);
    return line.substring(0, cut > MAX / 2 ? cut : MAX - 3) + "...";
  }
}
