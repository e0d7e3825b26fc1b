package io.textback.worker.business;

import io.textback.worker.business.BusinessSettings.Timers;
import io.textback.worker.copy.CopyBook;
import io.textback.worker.schedule.BusinessHours;
import io.textback.worker.schedule.QuietHours;
import java.time.Duration;
import java.util.Set;

/** A business as the worker uses it: numbers normalised to E.164, hours parsed, copy checked. */
public record Business(
    String id,
    String name,
    String twilioNumber,
    String forwardTo,
    String region,
    ConnectionMode connection,
    int ringCount,
    Duration voicemailWindow,
    boolean textOnVoicemail,
    String greeting,
    BusinessHours hours,
    QuietHours quietHours,
    String dispatcherPhone,
    String managerPhone,
    CopyBook copy,
    Timers timers,
    Set<String> blockedNumbers,
    Set<String> textCountries,
    String formSecret,
    BusinessSettings.Limits limits,
    String crm,
    BusinessSettings.Compliance compliance) {
  /** The business has no CRM: its leads are answered in textback's own console. */
  public static final String NO_CRM = "none";


  /** A caller's own number that belongs to the business: never text it. */
  public boolean isOwnNumber(String e164) {
    return e164.equals(twilioNumber) || e164.equals(forwardTo) || e164.equals(dispatcherPhone)
        || e164.equals(managerPhone);
  }

  /** What a caller hears when the call is missed: the greeting, then the disclosure line if the business has one. */
  public String spokenGreeting() {
    return compliance.disclosure() == null ? greeting : greeting + " " + compliance.disclosure();
  }

  public String leadKey(String e164) {
    return id + ":" + e164;
  }
}
