package io.textback.worker.copy;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A lead's first name as it may stand in the business's text: a web form is written by anyone, so
 * only a short plain name gets through (letters, and ' or - inside it). Anything else (a sentence, a
 * link, a price, digits, emoji) is not a name, and the text says "there" instead.
 */
public final class PlainName {
  /** Long enough for real first names (Maximilian-Alexander is 20), too short to carry a message. */
  public static final int MAX_LENGTH = 20;
  /** The longest name that can stand in a text: the copy rules are checked with it when a template loads. */
  public static final String LONGEST_SAMPLE = "Maximilian-Alexander";
  private static final Pattern NAME = Pattern.compile("\\p{L}+(['-]\\p{L}+)*");

  private PlainName() {}

  /** The name to use, or empty when what was given is not a plain first name. */
  public static Optional<String> of(String given) {
    if (given == null) {
      return Optional.empty();
    }
    String name = Gsm7.sanitize(given.strip());
    if (name.isEmpty() || name.length() > MAX_LENGTH || !NAME.matcher(name).matches() || !Gsm7.isGsm7(name)) {
      return Optional.empty();
    }
    return Optional.of(name);
  }
}
