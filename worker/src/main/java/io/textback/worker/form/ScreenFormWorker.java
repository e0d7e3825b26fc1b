package io.textback.worker.form;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.textback.worker.EngineTime;
import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.phone.PhoneNumbers;
import io.textback.worker.screening.CallerScreen;
import io.textback.worker.screening.CallerScreen.FormLead;
import io.textback.worker.screening.CallerScreen.FormScreeningResult;
import io.textback.worker.report.JourneyFacts;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Job worker for "Screen the lead" in form-auto-response.bpmn (type screen-form). */
@Component
public class ScreenFormWorker {
  private static final Logger LOG = LoggerFactory.getLogger(ScreenFormWorker.class);
  private final BusinessDirectory businesses;
  private final CallerScreen screen;
  private final JourneyFacts facts;
  private final Clock clock;

  public ScreenFormWorker(BusinessDirectory businesses, CallerScreen screen, JourneyFacts facts, Clock clock) {
    this.businesses = businesses;
    this.screen = screen;
    this.facts = facts;
    this.clock = clock;
  }

  @JobWorker(type = "screen-form", fetchVariables = {"businessId", "submissionId", "leadPhone", "firstName", "consent",
      "formMessage", "now"})
  public FormScreeningResult screenForm(@Variable String businessId, @Variable String submissionId,
      @Variable String leadPhone, @Variable String firstName, @Variable Boolean consent, @Variable String formMessage,
      @Variable String now) {
    Business business = businesses.requireForJob(businessId);
    Instant at = EngineTime.parse(now, clock);
    FormScreeningResult result = screen.screenForm(business,
        new FormLead(submissionId, leadPhone, firstName, consent, formMessage), at);
    facts.screened(submissionId, businessId, "form", result.leadPhone(), clock.instant(), !result.afterHours(), null,
        result.textable() ? null : result.notTextedReason());
    LOG.info("Form {} from {}: {}", submissionId, PhoneNumbers.mask(leadPhone),
        result.textable() ? "textable" : "not texted (" + result.notTextedReason() + ")");
    return result;
  }
}
