package io.textback.worker.screening;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.textback.worker.EngineTime;
import io.textback.worker.business.Business;
import io.textback.worker.report.JourneyFacts;
import java.time.Clock;
import java.time.Instant;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.phone.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Job worker for the "Screen the caller" task (type screen-caller). */
@Component
public class ScreenCallerWorker {
  private static final Logger LOG = LoggerFactory.getLogger(ScreenCallerWorker.class);
  private final BusinessDirectory businesses;
  private final CallerScreen screen;
  private final JourneyFacts facts;
  private final Clock clock;

  public ScreenCallerWorker(BusinessDirectory businesses, CallerScreen screen, JourneyFacts facts, Clock clock) {
    this.businesses = businesses;
    this.screen = screen;
    this.facts = facts;
    this.clock = clock;
  }

  @JobWorker(type = "screen-caller", fetchVariables = {"businessId", "callerPhone", "callSid", "now"})
  public ScreeningResult screenCaller(
      @Variable String businessId, @Variable String callerPhone, @Variable String callSid, @Variable String now) {
    Business business = businesses.requireForJob(businessId);
    Instant at = EngineTime.parse(now, clock);
    ScreeningResult result = screen.screen(business, callerPhone, callSid, at);
    facts.screened(callSid, businessId, "call", result.callerPhone(), clock.instant(), !result.afterHours(),
        result.copyVariant(), result.textable() ? null : result.notTextedReason());
    if (result.textable()) {
      LOG.info("Call {} from {}: textable", callSid, PhoneNumbers.mask(callerPhone));
    } else {
      LOG.info("Call {} from {}: not texted ({})", callSid, PhoneNumbers.mask(callerPhone), result.notTextedReason());
    }
    return result;
  }
}
