package io.textback.worker.business;

import io.camunda.client.exception.CamundaError;
import io.textback.worker.TextbackProperties;
import io.textback.worker.copy.CopyBook;
import io.textback.worker.phone.PhoneNumbers;
import io.textback.worker.schedule.BusinessHours;
import io.textback.worker.schedule.QuietHours;
import io.textback.worker.schedule.TimeWindow;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The configured businesses. Built at start: a business with a bad number or copy that breaks a
 * rule stops the start, naming the business, the setting and the rule.
 */
@Component
public class BusinessDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(BusinessDirectory.class);
  private final Map<String, Business> byId = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Business> byTwilioNumber = new java.util.concurrent.ConcurrentHashMap<>();
  /** The businesses of the configuration (the businesses file): changed there, not through the API. */
  private final Set<String> configured = new java.util.HashSet<>();
  /** The businesses in the order they came: the configuration's, then those added since. */
  private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final PhoneNumbers phones;
  private final List<io.textback.worker.crm.CrmConnection> crms;

  private final io.textback.worker.security.BusinessAccess access;

  public BusinessDirectory(TextbackProperties properties, PhoneNumbers phones,
      List<io.textback.worker.crm.CrmConnection> crms, io.textback.worker.security.BusinessAccess access) {
    this.access = access;
    this.phones = phones;
    this.crms = crms;
    List<String> problems = new ArrayList<>();
    for (BusinessSettings s : properties.businesses()) {
      Optional<Business> business = build(s, phones, crms, problems);
      business.ifPresent(b -> {
        if (byId.putIfAbsent(b.id(), b) != null) {
          problems.add("business '%s': the id is used twice".formatted(b.id()));
        }
        if (byTwilioNumber.putIfAbsent(b.twilioNumber(), b) != null) {
          problems.add("business '%s': twilio-number %s is used by another business"
              .formatted(b.id(), PhoneNumbers.mask(b.twilioNumber())));
        }
      });
    }
    if (!problems.isEmpty()) {
      throw new InvalidBusinessConfigurationException(problems);
    }
    properties.businesses().forEach(b -> {
      if (byId.containsKey(b.id()) && !order.contains(b.id())) {
        order.add(b.id());
      }
    });
    configured.addAll(byId.keySet());
    LOG.info("Loaded {} business(es): {}", byId.size(), byId.keySet());
  }

  /** The business these settings make, with the same checks as the configuration's; empty, and every broken rule in {@code problems}, when they fail. */
  public Optional<Business> check(BusinessSettings settings, List<String> problems) {
    return build(settings, phones, crms, problems);
  }

  /** Whether the business comes from the configuration (then it is changed there, not through the API). */
  public boolean isConfigured(String id) {
    return configured.contains(id);
  }

  /**
   * Adds a business made outside the configuration (the console, /api/businesses), or replaces the one
   * of the same id: in effect at once for every call, text and job. Refused, with the reason, when its
   * id or Twilio number is another's.
   */
  public synchronized Optional<String> put(Business business, boolean replacing) {
    Business same = byId.get(business.id());
    if (same != null && (!replacing || configured.contains(business.id()))) {
      return Optional.of("a business with id '" + business.id() + "' exists already");
    }
    if (same == null && replacing) {
      return Optional.of("no business " + business.id());
    }
    Business owner = byTwilioNumber.get(business.twilioNumber());
    if (owner != null && !owner.id().equals(business.id())) {
      return Optional.of("twilio-number " + PhoneNumbers.mask(business.twilioNumber()) + " is " + owner.id() + "'s");
    }
    if (same != null) {
      byTwilioNumber.remove(same.twilioNumber());
    }
    byId.put(business.id(), business);
    byTwilioNumber.put(business.twilioNumber(), business);
    if (!order.contains(business.id())) {
      order.add(business.id());
    }
    return Optional.empty();
  }

  private static Optional<Business> build(BusinessSettings s, PhoneNumbers phones,
      List<io.textback.worker.crm.CrmConnection> crms, List<String> problems) {
    String who = "business '%s'".formatted(s.id());
    List<String> mine = new ArrayList<>();
    if (s.id() == null || s.id().isBlank() || !s.id().matches("[a-z0-9][a-z0-9-]{0,62}")) {
      mine.add("id must be lower-case letters, digits and dashes");
    }
    if (s.name() == null || s.name().isBlank()) {
      mine.add("name is required");
    }
    Optional<String> twilio = phones.toE164(s.twilioNumber(), "US");
    if (twilio.isEmpty()) {
      mine.add("twilio-number is not a valid phone number");
    }
    String region = twilio.map(phones::regionOf).orElse("US");
    Optional<String> forward = phones.toE164(s.forwardTo(), region);
    if (s.connection() == ConnectionMode.DIAL && forward.isEmpty()) {
      mine.add("forward-to must be a valid phone number when connection is DIAL");
    }
    String dispatcher = optionalPhone(phones, s.dispatcherPhone(), region, "dispatcher-phone", mine);
    String manager = optionalPhone(phones, s.managerPhone(), region, "manager-phone", mine);
    if (s.ringCount() < 1 || s.ringCount() > 20) {
      mine.add("ring-count must be between 1 and 20");
    }
    if (s.voicemailWindow().isNegative() || s.voicemailWindow().toMinutes() > 30) {
      mine.add("voicemail-window must be between 0 and 30 minutes");
    }
    BusinessHours hours = null;
    try {
      Map<DayOfWeek, List<TimeWindow>> week = new EnumMap<>(DayOfWeek.class);
      s.openingHours().forEach((day, text) -> week.put(day, TimeWindow.parseAll(text)));
      hours = new BusinessHours(s.timezone(), week, Set.copyOf(s.holidays()));
    } catch (IllegalArgumentException e) {
      mine.add("opening-hours: " + e.getMessage());
    }
    QuietHours quiet = null;
    try {
      quiet = new QuietHours(TimeWindow.parse(s.quietHours()));
    } catch (IllegalArgumentException e) {
      mine.add("quiet-hours: " + e.getMessage());
    }
    String name = s.name() == null ? "" : s.name();
    CopyBook copy = CopyBook.load(s.copy(), name, twilio.orElse(""), mine);
    Set<String> blocked = new LinkedHashSet<>();
    for (String raw : s.blockedNumbers()) {
      phones.toE164(raw, region).ifPresentOrElse(blocked::add,
          () -> mine.add("blocked-numbers has an invalid number ending " + PhoneNumbers.mask(raw)));
    }
    Set<String> countries = new LinkedHashSet<>();
    for (String code : s.textCountries()) {
      String iso = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
      if (phones.isCountry(iso)) {
        countries.add(iso);
      } else {
        mine.add("text-countries has '" + code + "', which is not an ISO country code (US, CA, GB, ...)");
      }
    }
    if (countries.isEmpty()) {
      countries.add(region);
    }
    String crm = crmOf(s, crms, mine);
    BusinessSettings.Limits limits = s.limits();
    if (limits.firstTextsPerHour() < 1 || limits.firstTextsPerHourPerPrefix() < 1 || limits.formsPerAddressPerHour() < 1) {
      mine.add("limits must each be at least 1 (first-texts-per-hour, first-texts-per-hour-per-prefix, forms-per-address-per-hour)");
    }
    mine.forEach(problem -> problems.add(who + ": " + problem));
    if (!mine.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Business(s.id(), name, twilio.get(), forward.orElse(null), region, s.connection(),
        s.ringCount(), s.voicemailWindow(), s.textOnVoicemail(), s.greeting(), hours, quiet, dispatcher, manager,
        copy, s.timers(), Set.copyOf(blocked), Set.copyOf(countries), s.formSecret(), s.limits(), crm, s.compliance()));
  }

  /**
   * The CRM the business runs, as its settings say or imply (not named: the one its settings connect
   * it to, else none); a problem when the named CRM's settings are incomplete or no adapter serves it.
   */
  private static String crmOf(BusinessSettings s, List<io.textback.worker.crm.CrmConnection> crms,
      List<String> problems) {
    if (s.crm() == null || s.crm().isBlank()) {
      return crms.stream().filter(c -> c.isConfigured(s.id())).map(c -> c.crm().id()).findFirst().orElse(Business.NO_CRM);
    }
    String crm = s.crm().strip().toLowerCase(java.util.Locale.ROOT);
    if (crm.equals(Business.NO_CRM)) {
      return crm;
    }
    Optional<io.textback.worker.crm.CrmConnection> connection = crms.stream().filter(c -> c.crm().id().equals(crm)).findFirst();
    if (connection.isEmpty()) {
      problems.add("crm is '" + s.crm() + "'; one of " + String.join(", ",
          java.util.stream.Stream.concat(crms.stream().map(c -> c.crm().id()), java.util.stream.Stream.of(Business.NO_CRM)).toList()));
    } else {
      problems.addAll(connection.get().problems(s.id()));
    }
    return crm;
  }

  private static String optionalPhone(PhoneNumbers phones, String raw, String region, String setting, List<String> problems) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    Optional<String> e164 = phones.toE164(raw, region);
    if (e164.isEmpty()) {
      problems.add(setting + " is not a valid phone number");
    }
    return e164.orElse(null);
  }

  public Optional<Business> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * For a job worker: the business, or a job error with no retries left, since only a change of
   * configuration can fix it (an incident in Operate names the business).
   */
  public Business requireForJob(String id) {
    return byId(id).orElseThrow(() ->
        CamundaError.jobError("Unknown business '" + id + "': add it to textback.businesses", null, 0));
  }

  /**
   * For a request whose path names the business: the business, or 404 with the reason; 404 too when
   * the person asking may not see it (BusinessAccess), as if it did not exist.
   */
  public Business requireForRequest(String id) {
    return byId(id).filter(b -> access.canSee(b.id())).orElseThrow(() -> new io.textback.worker.web.RequestRejectedException(
        org.springframework.http.HttpStatus.NOT_FOUND, "no business " + id));
  }

  /** The business that owns this Twilio number (the To of a call or SMS). */
  public Optional<Business> byTwilioNumber(String e164) {
    return Optional.ofNullable(e164 == null ? null : byTwilioNumber.get(e164));
  }

  public List<Business> all() {
    return order.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }
}
