package io.textback.worker.business;

import io.textback.worker.TextbackProperties;
import io.textback.worker.copy.CopyRules;
import io.textback.worker.copy.CopyRules.Case;
import io.textback.worker.copy.Gsm7;
import io.textback.worker.phone.PhoneNumbers;
import java.util.ArrayList;
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
  private final Map<String, Business> byId = new HashMap<>();
  private final Map<String, Business> byTwilioNumber = new HashMap<>();

  public BusinessDirectory(TextbackProperties properties, PhoneNumbers phones) {
    List<String> problems = new ArrayList<>();
    for (BusinessSettings s : properties.businesses()) {
      Optional<Business> business = build(s, phones, problems);
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
    LOG.info("Loaded {} business(es): {}", byId.size(), byId.keySet());
  }

  private static Optional<Business> build(BusinessSettings s, PhoneNumbers phones, List<String> problems) {
    String who = "business '%s'".formatted(s.id());
    int before = problems.size();
    if (s.id() == null || s.id().isBlank() || !s.id().matches("[a-z0-9][a-z0-9-]{0,62}")) {
      problems.add(who + ": id must be lower-case letters, digits and dashes");
    }
    if (s.name() == null || s.name().isBlank()) {
      problems.add(who + ": name is required");
    }
    Optional<String> twilio = phones.toE164(s.twilioNumber(), "US");
    if (twilio.isEmpty()) {
      problems.add(who + ": twilio-number is not a valid phone number");
    }
    String region = twilio.map(phones::regionOf).orElse("US");
    Optional<String> forward = phones.toE164(s.forwardTo(), region);
    if (s.connection() == ConnectionMode.DIAL && forward.isEmpty()) {
      problems.add(who + ": forward-to must be a valid phone number when connection is DIAL");
    }
    if (s.ringCount() < 1 || s.ringCount() > 20) {
      problems.add(who + ": ring-count must be between 1 and 20");
    }
    if (s.voicemailWindow().isNegative() || s.voicemailWindow().toMinutes() > 30) {
      problems.add(who + ": voicemail-window must be between 0 and 30 minutes");
    }
    String name = s.name() == null ? "" : s.name();
    String textBack = Gsm7.sanitize(s.textBackCopy().replace("{business}", name));
    CopyRules.violations(textBack, name, Case.MISSED_CALL_FIRST_TEXT)
        .forEach(rule -> problems.add(who + ": text-back-copy breaks the rule: " + rule));
    Set<String> blocked = new LinkedHashSet<>();
    for (String raw : s.blockedNumbers()) {
      phones.toE164(raw, region).ifPresentOrElse(blocked::add,
          () -> problems.add(who + ": blocked-numbers has an invalid number ending " + PhoneNumbers.mask(raw)));
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new Business(s.id(), name, twilio.get(), forward.orElse(null), region,
        s.timezone(), s.connection(), s.ringCount(), s.voicemailWindow(), s.textOnVoicemail(),
        s.greeting(), textBack, Set.copyOf(blocked)));
  }

  public Optional<Business> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The business that owns this Twilio number (the To of a call or SMS). */
  public Optional<Business> byTwilioNumber(String e164) {
    return Optional.ofNullable(e164 == null ? null : byTwilioNumber.get(e164));
  }

  public List<Business> all() {
    return List.copyOf(byId.values());
  }
}
