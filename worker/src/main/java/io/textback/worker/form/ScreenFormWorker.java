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
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Job worker for "Screen the lead" in form-auto-response.bpmn (type screen-form). */
@Component
public class ScreenFormWorker {
  private static final Logger LOG = LoggerFactory.getLogger(ScreenFormWorker.class);
  private final BusinessDirectory businesses;
  private final CallerScreen screen;
  private final Clock clock;

  public ScreenFormWorker(BusinessDirectory businesses, CallerScreen screen, Clock clock) {
    this.businesses = businesses;
    this.screen = screen;
    this.clock = clock;
  }

  @JobWorker(type = "screen-form", fetchVariables = {"businessId", "submissionId", "leadPhone", "firstName", "consent",
      "formMessage", "now"})
  public FormScreeningResult screenForm(@Variable String businessId, @Variable String submissionId,
      @Variable String leadPhone, @Variable String firstName, @Variable Boolean consent, @Variable String formMessage,
      @Variable String now) {
    Business business = businesses.requireForJob(businessId);
    FormScreeningResult result = screen.screenForm(business,
        new FormLead(submissionId, leadPhone, firstName, consent, formMessage), EngineTime.parse(now, clock));
    LOG.info("Form {} from {}: {}", submissionId, PhoneNumbers.mask(leadPhone),
        result.textable() ? "textable" : "not texted (" + result.notTextedReason() + ")");
    return result;
  }
}
