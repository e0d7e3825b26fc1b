package io.textback.worker.copy;

import io.textback.worker.business.BusinessSettings.Copy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A business's templates, sanitised to GSM-7 and checked against the copy rules when loaded (with
 * sample values for the placeholders), then rendered per text.
 */
public final class CopyBook {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CopyBook.class);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
  private static final List<String> KNOWN = List.of("business", "firstName", "phone", "leadPhone", "minutes", "lead",
      "leadWords", "link");
  private final Map<CopyCase, String> templates;
  private final Map<String, String> fixed;

  private CopyBook(Map<CopyCase, String> templates, Map<String, String> fixed) {
    this.templates = templates;
    this.fixed = fixed;
  }

  /** Loads and checks; every broken rule is added to {@code problems} as "copy.x breaks the rule: ...". */
  public static CopyBook load(Copy copy, String businessName, String businessPhone, List<String> problems) {
    Map<CopyCase, String> raw = new EnumMap<>(CopyCase.class);
    raw.put(CopyCase.MISSED_CALL, copy.missedCall());
    raw.put(CopyCase.AFTER_HOURS, copy.afterHours());
    raw.put(CopyCase.FORM, copy.form());
    raw.put(CopyCase.FORM_AFTER_HOURS, copy.formAfterHours());
    raw.put(CopyCase.FOLLOW_UP_1, copy.followUp1());
    raw.put(CopyCase.FOLLOW_UP_2, copy.followUp2());
    raw.put(CopyCase.ESCALATION, copy.escalation());
    raw.put(CopyCase.HELP, copy.help());
    raw.put(CopyCase.OPT_OUT, copy.optOut());
    if (copy.missedCallB() != null && !copy.missedCallB().isBlank()) {
      raw.put(CopyCase.MISSED_CALL_B, copy.missedCallB());
    }
    Map<CopyCase, String> templates = new EnumMap<>(CopyCase.class);
    CopyBook book = new CopyBook(templates, Map.of("business", businessName, "phone", businessPhone));
    raw.forEach((kind, template) -> {
      String clean = Gsm7.sanitize(template == null ? "" : template);
      templates.put(kind, clean);
      Matcher m = PLACEHOLDER.matcher(clean);
      while (m.find()) {
        if (!KNOWN.contains(m.group(1))) {
          problems.add(kind.setting() + " has an unknown placeholder {" + m.group(1) + "}; known: " + KNOWN);
        }
      }
      // The longest values a text can carry (a first name is cut to PlainName's), so the segment
      // check holds for every text this template will make.
      String sample = book.fill(kind, Map.of("firstName", PlainName.LONGEST_SAMPLE, "leadPhone", "+15555550123",
          "minutes", "30", "lead", PlainName.LONGEST_SAMPLE + " " + PlainName.LONGEST_SAMPLE + " (+15555550123)",
          "leadWords", "x".repeat(LeadWords.MAX), "link", "https://textback.example.com/console/inbox/1234567890"));
      CopyRules.violations(sample, businessName, kind.rules())
          .forEach(rule -> problems.add(kind.setting() + " breaks the rule: " + rule));
    });
    return book;
  }

  /**
   * The text with placeholders filled. The first name comes from outside (a web form): only a plain
   * short name stands in the text, anything else (or none) reads "there" ("Hi there,").
   */
  public String render(CopyCase kind, Map<String, String> values) {
    String text = fill(kind, values);
    if (values.containsKey("firstName")) {
      List<String> broken = CopyRules.violations(text, fixed.get("business"), kind.rules());
      if (!broken.isEmpty()) {
        // Checked again as sent: a text the rules refuse would fail its send on every retry, so the
        // lead gets the copy without the value from outside instead.
        LOG.warn("{} with the lead's name breaks the copy rules ({}); sent without the name", kind.setting(), broken);
        Map<String, String> safe = new java.util.HashMap<>(values);
        safe.remove("firstName");
        return fill(kind, safe);
      }
    }
    return text;
  }

  private String fill(CopyCase kind, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(templates.get(kind));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = fixed.containsKey(name) ? fixed.get(name) : values.get(name);
      if (name.equals("firstName")) {
        value = PlainName.of(value).orElse("there");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(Gsm7.sanitize(value == null ? "" : value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A copy experiment runs: the text-back has a variant B. */
  public boolean hasVariantB() {
    return templates.containsKey(CopyCase.MISSED_CALL_B);
  }

  public List<CopyCase> cases() {
    return new ArrayList<>(templates.keySet());
  }
}
