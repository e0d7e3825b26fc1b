package io.textback.connector.twilio.lookup;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.textback.connector.twilio.PhoneMask;
import io.textback.connector.twilio.api.TwilioLookupApi;
import io.textback.connector.twilio.api.TwilioLookupResult;
import io.textback.connector.twilio.lookup.PhoneLineBook.KnownLine;
import io.textback.connector.twilio.lookup.model.PhoneLookupRequest;
import io.textback.connector.twilio.lookup.model.PhoneLookupResult;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Can this number take SMS? Twilio Lookup's line type, remembered per number. A Lookup that fails
 * lets a missed call's text go (a missed text costs the business a lead, a text to a landline a
 * cent), but not a form's when the model says so: anyone can type a premium number into a form.
 */
@OutboundConnector(name = "textback phone line lookup", inputVariables = {"phone", "whenLookupFails"}, type = PhoneLookupConnector.TYPE)
@ElementTemplate(
    id = "io.textback.phone-lookup.v1",
    name = "textback: can this number take SMS?",
    version = 2,
    description = "Asks Twilio Lookup for the line type once per number and cache period. Landlines, pagers and numbers whose delivery failed for good are not textable; a Lookup error counts as textable unless the task says otherwise (a form lead).",
    inputDataClass = PhoneLookupRequest.class,
    outputDataClass = PhoneLookupResult.class,
    engineVersion = "^8.8",
    defaultResultVariable = "line",
    icon = "sms.svg",
    propertyGroups = {@ElementTemplate.PropertyGroup(id = "phone", label = "Phone")})
public class PhoneLookupConnector implements OutboundConnectorFunction {
  public static final String TYPE = "io.textback:phone-lookup:1";
  /** Line types that cannot receive an SMS. */
  public static final Set<String> NOT_TEXTABLE = Set.of("landline", "pager", "voicemail", "premium", "sharedCost", "uan");
  private static final Logger LOG = LoggerFactory.getLogger(PhoneLookupConnector.class);

  private final TwilioLookupApi lookup;
  private final PhoneLineBook book;
  private final boolean lookupEnabled;

  public PhoneLookupConnector(TwilioLookupApi lookup, PhoneLineBook book, boolean lookupEnabled) {
    this.lookup = lookup;
    this.book = book;
    this.lookupEnabled = lookupEnabled;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    PhoneLookupRequest request = context.bindVariables(PhoneLookupRequest.class);
    return check(request.phone(), request.textWhenLookupFails());
  }

  public PhoneLookupResult check(String e164, boolean textWhenLookupFails) {
    Optional<KnownLine> known = book.known(e164);
    if (known.isPresent()) {
      return new PhoneLookupResult(known.get().textable(), null, known.get().reason(), "cache");
    }
    if (!lookupEnabled) {
      return PhoneLookupResult.unknown("off");
    }
    try {
      TwilioLookupResult result = lookup.lookup(e164);
      String type = result.type();
      boolean textable = type == null || !NOT_TEXTABLE.contains(type);
      book.remember(e164, type, textable);
      return new PhoneLookupResult(textable, type, textable ? null : type, "lookup");
    } catch (RuntimeException e) {
      LOG.warn("Lookup of {} failed ({}); {}", PhoneMask.mask(e164), e.getMessage(),
          textWhenLookupFails ? "texting anyway" : "not texted");
      return textWhenLookupFails ? PhoneLookupResult.unknown("failed") : PhoneLookupResult.lookupFailed();
    }
  }
}
