package io.textback.worker.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.textback.connector.twilio.PhoneMask;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** E.164 normalisation (libphonenumber) and the caller ids that mean "no number". */
@Component
public class PhoneNumbers {
  /** What carriers and Twilio put in From when the caller hides their number. */
  private static final Set<String> ANONYMOUS = Set.of(
      "anonymous", "restricted", "unknown", "private", "unavailable", "blocked",
      "+266696687", "+86282452253", "+7378742833", "+2562533", "+8656696", "266696687");

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final java.util.Map<String, Set<String>> statesByAreaCode = new java.util.concurrent.ConcurrentHashMap<>();
  /** Digits with the usual separators, an optional leading +: how a caller id or a form writes a number. */
  private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("\\+?[0-9(][0-9 ().\\-]{5,24}");

  public boolean isAnonymous(String raw) {
    return raw == null || raw.isBlank() || ANONYMOUS.contains(raw.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * The number in E.164, or empty when it is anonymous, not a possible number, or not written as a
   * plain number: libphonenumber would read "client:+15551230206" (a Twilio Client caller) or
   * "+15551230207;ext=99" as a number, and such callers are not to be texted.
   */
  public Optional<String> toE164(String raw, String defaultRegion) {
    if (isAnonymous(raw)) {
      return Optional.empty();
    }
    // Invisible marks a pasted number carries, and the dashes and slashes people type, are fine.
    String typed = raw.replaceAll("\\p{Cf}", "").replaceAll("[\\p{Pd}/]", "-").strip();
    if (!PLAIN.matcher(typed).matches()) {
      return Optional.empty();
    }
    raw = typed;
    try {
      PhoneNumber number = util.parse(raw.trim(), defaultRegion == null ? "US" : defaultRegion);
      if (!util.isPossibleNumber(number)) {
        return Optional.empty();
      }
      return Optional.of(util.format(number, PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /** The ISO region of an E.164 number ("US"), used to read local numbers the business lists. */
  public String regionOf(String e164) {
    try {
      String region = util.getRegionCodeForNumber(util.parse(e164, "US"));
      return region == null || "ZZ".equals(region) ? "US" : region;
    } catch (NumberParseException e) {
      return "US";
    }
  }

  /**
   * The country a number belongs to (ISO code), as libphonenumber reads it; "001" for the numbers of
   * no country (satellite phones, international networks such as +882). A number of a shared
   * country code that matches none of its countries' plans (a fictional 555 number) is its code's
   * main country (+1: US).
   */
  public String countryOf(String e164) {
    try {
      PhoneNumber number = util.parse(e164, "US");
      String region = util.getRegionCodeForNumber(number);
      if (region == null || "ZZ".equals(region)) {
        region = util.getRegionCodeForCountryCode(number.getCountryCode());
      }
      return region == null || "ZZ".equals(region) ? "001" : region;
    } catch (NumberParseException e) {
      return "001";
    }
  }

  /**
   * A number no lead texts from and no business should pay to text: premium rate, shared cost,
   * universal access, voicemail access, pagers (libphonenumber's number types, known before any
   * Lookup). Such numbers are how SMS pumping makes a business pay.
   */
  public boolean isUntextableType(String e164) {
    try {
      return UNTEXTABLE.contains(util.getNumberType(util.parse(e164, "US")));
    } catch (NumberParseException e) {
      return true;
    }
  }

  private static final Set<PhoneNumberUtil.PhoneNumberType> UNTEXTABLE = Set.of(
      PhoneNumberUtil.PhoneNumberType.PREMIUM_RATE, PhoneNumberUtil.PhoneNumberType.SHARED_COST,
      PhoneNumberUtil.PhoneNumberType.UAN, PhoneNumberUtil.PhoneNumberType.VOICEMAIL,
      PhoneNumberUtil.PhoneNumberType.PAGER);

  /** Whether libphonenumber knows this ISO country code ("GB", "US"). */
  public boolean isCountry(String isoCode) {
    return isoCode != null && util.getSupportedRegions().contains(isoCode);
  }

  /**
   * The timezones a number may be in (from its area code), or {@code fallback} when unknown. A
   * number in an area that spans zones returns them all, so quiet hours can hold in each.
   */
  public List<ZoneId> timeZonesOf(String e164, ZoneId fallback) {
    try {
      List<String> ids = PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(util.parse(e164, "US"));
      List<ZoneId> zones = ids.stream()
          .filter(id -> !id.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone()))
          .map(ZoneId::of).toList();
      return zones.isEmpty() ? List.of(fallback) : zones;
    } catch (NumberParseException | java.time.DateTimeException e) {
      return List.of(fallback);
    }
  }

  /**
   * The US states (two-letter codes) of the number's area code, from libphonenumber's geocoder; more
   * than one when the area code spans states (the state texting rules then take the strictest), none
   * when the number is not geographic (toll-free, 555) or not American.
   */
  public Set<String> statesOf(String e164) {
    if (e164 == null || !e164.matches("\\+1[2-9]\\d{9}")) {
      return Set.of();
    }
    return statesByAreaCode.computeIfAbsent(e164.substring(2, 5), this::statesOfAreaCode);
  }

  private Set<String> statesOfAreaCode(String npa) {
    java.util.TreeSet<String> states = new java.util.TreeSet<>();
    var geocoder = com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder.getInstance();
    // every exchange of the area code: the geocoder names a state for some, a city and state for others
    for (int exchange = 200; exchange < 1000; exchange++) {
      try {
        PhoneNumber number = util.parse("+1" + npa + exchange + "0100", "US");
        if (!"US".equals(util.getRegionCodeForNumber(number))) {
          continue;
        }
        UsStates.codeOf(geocoder.getDescriptionForNumber(number, Locale.ENGLISH)).ifPresent(states::add);
      } catch (NumberParseException e) {
        // not a number: next exchange
      }
    }
    return java.util.Collections.unmodifiableSet(states);
  }

  /** For logs: only the last four digits. */
  public static String mask(String phone) {
    return PhoneMask.mask(phone);
  }

  /** For logs and refusals: a lead key (business:phone) with its phone masked. */
  public static String maskLeadKey(String leadKey) {
    int colon = leadKey.lastIndexOf(':');
    return leadKey.substring(0, colon + 1) + mask(leadKey.substring(colon + 1));
  }
}
