package io.textback.worker.business;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One business, from {@code textback.businesses[n]}.
 *
 * @param ringCount rings before the call counts as missed; keep it below the phone's own voicemail
 * @param voicemailWindow how long a caller has to leave a voicemail before the text-back goes out
 * @param openingHours per day, "08:00-18:00" (several: "08:00-12:00,13:00-17:00"; or "closed");
 *     days left out are closed; none at all means Monday to Friday 08:00-18:00
 * @param quietHours when follow-ups may reach a lead, in the lead's local time
 * @param dispatcherPhone texted when a replying lead waits longer than the response SLA
 * @param managerPhone texted when the lead still waits after the escalation delay
 * @param textCountries the countries (ISO codes, "US", "CA", "GB") whose numbers the business texts;
 *     none given: its own number's country. A lead from elsewhere is not texted (SMS pumping sends
 *     forms and calls from far-away premium numbers to make the business pay for texts)
 * @param formSecret signs the business's web-form webhooks (HMAC-SHA256 over the raw body); forms
 *     are refused while it is not set
 * @param limits caps a real business never meets, which stop a stranger making it pay for texts
 * @param crm the CRM the business runs (a {@link io.textback.crm.CrmKind} id, or none); not given, the
 *     one whose settings the business has (each CRM adapter reads its own, under
 *     textback.businesses[n].&lt;crm&gt;), else none. With none, nothing goes to a CRM whatever else is set
 * @param compliance what the business adds to textback's own compliance rules
 */
public record BusinessSettings(
    String id,
    String name,
    String twilioNumber,
    String forwardTo,
    @DefaultValue("America/New_York") ZoneId timezone,
    @DefaultValue("DIAL") ConnectionMode connection,
    @DefaultValue("4") int ringCount,
    @DefaultValue("45s") Duration voicemailWindow,
    @DefaultValue("false") boolean textOnVoicemail,
    String greeting,
    Map<DayOfWeek, String> openingHours,
    @DefaultValue List<LocalDate> holidays,
    @DefaultValue("08:00-21:00") String quietHours,
    String dispatcherPhone,
    String managerPhone,
    @DefaultValue Copy copy,
    @DefaultValue Timers timers,
    @DefaultValue List<String> blockedNumbers,
    List<String> textCountries,
    String formSecret,
    @DefaultValue Limits limits,
    String crm,
    @DefaultValue Compliance compliance) {

  public static final String DEFAULT_GREETING =
      "Sorry, we can't take your call right now. Please leave a message after the tone, or hang up and we'll text you right back.";
  public static final String DEFAULT_OPENING_HOURS = "08:00-18:00";

  public BusinessSettings {
    greeting = greeting == null || greeting.isBlank() ? DEFAULT_GREETING : greeting;
    openingHours = openingHours == null || openingHours.isEmpty() ? weekdays() : Map.copyOf(openingHours);
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
    blockedNumbers = blockedNumbers == null ? List.of() : List.copyOf(blockedNumbers);
    textCountries = textCountries == null ? List.of() : List.copyOf(textCountries);
    copy = copy == null ? Copy.DEFAULTS : copy;
    limits = limits == null ? Limits.DEFAULTS : limits;
    timers = timers == null ? Timers.DEFAULTS : timers;
    compliance = compliance == null ? Compliance.DEFAULTS : compliance;
  }

  private static Map<DayOfWeek, String> weekdays() {
    return Map.of(DayOfWeek.MONDAY, DEFAULT_OPENING_HOURS, DayOfWeek.TUESDAY, DEFAULT_OPENING_HOURS,
        DayOfWeek.WEDNESDAY, DEFAULT_OPENING_HOURS, DayOfWeek.THURSDAY, DEFAULT_OPENING_HOURS,
        DayOfWeek.FRIDAY, DEFAULT_OPENING_HOURS);
  }

  /**
   * The business's copy per case; {@code missedCallB}, when set, runs a copy experiment: half the
   * missed calls in opening hours (by CallSid) get it instead of {@code missedCall}. Placeholders: {business}, {firstName}, {phone} (the business's
   * number), {leadPhone} and {minutes} (staff texts only).
   */
  public record Copy(
      @DefaultValue(DEFAULT_MISSED_CALL) String missedCall,
      @DefaultValue(DEFAULT_AFTER_HOURS) String afterHours,
      @DefaultValue(DEFAULT_FORM) String form,
      @DefaultValue(DEFAULT_FORM_AFTER_HOURS) String formAfterHours,
      @DefaultValue(DEFAULT_FOLLOW_UP_1) String followUp1,
      @DefaultValue(DEFAULT_FOLLOW_UP_2) String followUp2,
      @DefaultValue(DEFAULT_ESCALATION) String escalation,
      @DefaultValue(DEFAULT_HELP) String help,
      String missedCallB,
      @DefaultValue(DEFAULT_OPT_OUT) String optOut) {
    public static final String DEFAULT_MISSED_CALL =
        "Hi, it's {business}. Sorry we missed your call! What can we help you with? Reply STOP to opt out.";
    public static final String DEFAULT_AFTER_HOURS =
        "Hi, it's {business}. Sorry we missed your call! We're closed now and will reply first thing when we open. What can we help you with? Reply STOP to opt out.";
    public static final String DEFAULT_FORM =
        "Hi {firstName}, it's {business}. Thanks for your request! What's the best time to reach you? Reply STOP to opt out.";
    public static final String DEFAULT_FORM_AFTER_HOURS =
        "Hi {firstName}, it's {business}. Thanks for your request! We're closed now and a person will answer first thing when we open. What's the best time to reach you? Reply STOP to opt out.";
    public static final String DEFAULT_FOLLOW_UP_1 =
        "Hi, it's {business} again. We'd still love to help. What can we do for you?";
    public static final String DEFAULT_FOLLOW_UP_2 =
        "{business} here, checking in one last time. Reply any time if you still need a hand.";
    public static final String DEFAULT_ESCALATION =
        "textback: {lead} wrote to {business} and has waited {minutes} min: \"{leadWords}\" Answer now: {link}";
    public static final String DEFAULT_HELP =
        "{business}: we text you about your call or request. Call us at {phone}. Reply STOP to opt out.";
    /** The one confirmation of an opt-out written in the lead's own words (Twilio confirms its keywords itself). */
    public static final String DEFAULT_OPT_OUT =
        "{business}: you are opted out and will get no more texts from us. Reply START to text with us again.";
    public static final Copy DEFAULTS = new Copy(DEFAULT_MISSED_CALL, DEFAULT_AFTER_HOURS, DEFAULT_FORM,
        DEFAULT_FORM_AFTER_HOURS, DEFAULT_FOLLOW_UP_1, DEFAULT_FOLLOW_UP_2, DEFAULT_ESCALATION, DEFAULT_HELP, null,
        DEFAULT_OPT_OUT);
  }

  /** The conversation's timers (ISO-8601 in the BPMN): RevOps can also override them in Modeler. */
  public record Timers(
      @DefaultValue("1h") Duration followUp1,
      @DefaultValue("24h") Duration followUp2,
      @DefaultValue("2d") Duration finalWait,
      @DefaultValue("5m") Duration responseSla,
      @DefaultValue("30m") Duration escalationDelay,
      @DefaultValue("7d") Duration conversationTtl) {
    public static final Timers DEFAULTS = new Timers(Duration.ofHours(1), Duration.ofHours(24),
        Duration.ofDays(2), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofDays(7));
  }

  /**
   * @param firstTextsPerHour first texts (to a number the business never texted and that never
   *     texted it) per rolling hour; more are held for an admin to release
   * @param firstTextsPerHourPerPrefix the same per number range (the number without its last four
   *     digits: one exchange in North America), where pumping numbers sit side by side
   * @param formsPerAddressPerHour web forms from one address (the visitor's, when the form says it)
   *     per rolling hour; more are refused with 429 and Retry-After
   */
  public record Limits(
      @DefaultValue("60") int firstTextsPerHour,
      @DefaultValue("5") int firstTextsPerHourPerPrefix,
      @DefaultValue("5") int formsPerAddressPerHour) {
    public static final Limits DEFAULTS = new Limits(60, 5, 5);
  }

  /**
   * @param optOutPhrases phrases that revoke consent for this business's leads, on top of textback's
   *     own ({@code optout/revocations.txt}); a text containing one opts the lead out at once
   * @param strictReplies keep the business's own answers to the lead's texting hours too: outside
   *     them an answer is refused with the next allowed minute (by default answers go at once: they
   *     answer the lead's own call, form or text). The text-back is not held yet
   * @param disclosure a line the greeting says after its own words, e.g. "We'll text you at this
   *     number." It is kept with each call's consent record
   */
  public record Compliance(
      @DefaultValue List<String> optOutPhrases,
      @DefaultValue("false") boolean strictReplies,
      String disclosure) {
    public static final Compliance DEFAULTS = new Compliance(List.of(), false, null);

    public Compliance {
      optOutPhrases = optOutPhrases == null ? List.of() : List.copyOf(optOutPhrases);
      disclosure = disclosure == null || disclosure.isBlank() ? null : disclosure.strip();
    }
  }
}
