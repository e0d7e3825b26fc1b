package io.textback.worker.form;

import io.textback.worker.business.Business;
import io.textback.worker.consent.ConsentEvidence;
import io.textback.worker.consent.ConsentRecord;
import io.textback.worker.conversation.ConversationStore;
import io.textback.worker.crm.CrmThreads;
import io.textback.worker.inbound.InboundEvent;
import io.textback.worker.inbound.InboundEventStore;
import io.textback.worker.inbound.MessageRelay;
import io.textback.worker.inbound.PendingMessage;
import io.textback.worker.phone.PhoneNumbers;
import io.textback.worker.web.RequestRejectedException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * What every form entry point does with a submission it has checked (the site's signed webhook, a
 * CRM's form webhook): store it once, start form-auto-response.bpmn, and record it on the lead's open
 * conversation when there is one.
 */
@Service
public class FormIntake {
  private static final Logger LOG = LoggerFactory.getLogger(FormIntake.class);
  /**
   * 0 s, as for call-missed: Zeebe keeps one active instance per message start and correlation key,
   * so a form while the lead's form journey still runs starts nothing (a buffered one would start a
   * second journey later); the open conversation records that form itself.
   */
  private static final Duration START_TTL = Duration.ZERO;
  /** Forms from one address are counted over a rolling hour. */
  static final Duration RATE_WINDOW = Duration.ofHours(1);

  private final PhoneNumbers phones;
  private final InboundEventStore events;
  private final MessageRelay relay;
  private final ConversationStore conversations;
  private final CrmThreads crmThreads;
  private final ConsentEvidence consent;
  private final Clock clock;

  public FormIntake(PhoneNumbers phones, InboundEventStore events, MessageRelay relay, ConversationStore conversations,
      CrmThreads crmThreads, ConsentEvidence consent, Clock clock) {
    this.phones = phones;
    this.events = events;
    this.relay = relay;
    this.conversations = conversations;
    this.crmThreads = crmThreads;
    this.consent = consent;
    this.clock = clock;
  }

  /**
   * @param rateKey who sent it, counted against the business's forms-per-address limit; null when
   *     the sender is a CRM's server (every portal's webhooks come from it: no visitor to count)
   */
  public ResponseEntity<Map<String, Object>> accept(Business business, Map<String, String> fields, String submissionId,
      String rateKey) {
    String businessId = business.id();
    FormSubmission form = new FormSubmission(submissionId, fields);
    Optional<String> e164 = form.phone() == null ? Optional.empty() : phones.toE164(form.phone(), business.region());
    String problem = form.phone() == null ? "phone is missing"
        : e164.isEmpty() ? "phone " + PhoneNumbers.mask(form.phone()) + " is not a valid phone number" : null;

    Map<String, String> stored = new LinkedHashMap<>(fields);
    stored.put("submissionId", submissionId);
    // Without a phone there is no one to text; with an email the lead still reaches the CRM.
    boolean start = problem == null || form.email() != null;
    InboundEvent event = new InboundEvent("form", "form:" + businessId + ":" + submissionId,
        problem == null ? "form-submission" : "form-rejected", stored,
        start ? Optional.of(message(business, form, e164.orElse(null))) : Optional.empty());
    boolean isNew;
    if (rateKey == null) {
      isNew = events.storeIfNew(event);
    } else {
      int limit = business.limits().formsPerAddressPerHour();
      InboundEventStore.RateLimited taken = events.storeWithinRate(event, rateKey, limit, RATE_WINDOW);
      if (taken.refused()) {
        throw new RequestRejectedException(HttpStatus.TOO_MANY_REQUESTS, "too many forms from this address: "
            + businessId + " takes " + limit + " an hour from one address; try again in "
            + Math.max(1, taken.retryAfter().toSeconds()) + " s", taken.retryAfter());
      }
      isNew = taken.isNew();
    }
    if (isNew && start) {
      relay.wake();
    }
    if (isNew && problem == null) {
      consent.record(businessId, e164.get(), new ConsentRecord(ConsentRecord.FORM, submissionId, clock.instant(),
          form.consentWords(), form.page(), form.consentField()));
      // a lead already in a conversation: the form shows there, whether or not a journey starts
      conversations.findOpen(businessId, e164.get()).ifPresent(open -> crmThreads.formReceived(business, open.phone(),
          conversations.recordForm(open, submissionId, form.message()), submissionId, clock.instant()));
    }
    if (problem != null) {
      LOG.warn("Form {} for {} refused: {}", submissionId, businessId, problem);
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("error", problem);
      answer.put("missing", form.phone() == null ? List.of("phone") : List.of());
      answer.put("submissionId", submissionId);
      answer.put("stored", true);
      return ResponseEntity.unprocessableEntity().body(answer);
    }
    LOG.info("Form {} for {} from {}{}", submissionId, businessId, PhoneNumbers.mask(e164.get()), isNew ? "" : " (repeat)");
    return ResponseEntity.status(isNew ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .body(Map.of("submissionId", submissionId, "duplicate", !isNew));
  }

  private PendingMessage message(Business business, FormSubmission form, String leadPhone) {
    Map<String, Object> v = new HashMap<>();
    v.put("businessId", business.id());
    v.put("submissionId", form.submissionId());
    v.put("leadKey", leadKey(business, form, leadPhone));
    v.put("submittedAt", clock.instant().toString());
    v.put("source", form.source());
    v.put("formFields", form.extraFields());
    putIfPresent(v, "leadPhone", leadPhone);
    putIfPresent(v, "firstName", form.firstName());
    putIfPresent(v, "lastName", form.lastName());
    putIfPresent(v, "email", form.email());
    putIfPresent(v, "formMessage", form.message());
    putIfPresent(v, "consent", form.consent());
    return new PendingMessage("form-submitted", leadKey(business, form, leadPhone), form.submissionId(), START_TTL, v);
  }

  private static String leadKey(Business business, FormSubmission form, String leadPhone) {
    return leadPhone != null ? business.leadKey(leadPhone) : business.id() + ":form:" + form.submissionId();
  }

  private static void putIfPresent(Map<String, Object> v, String name, Object value) {
    if (value != null) {
      v.put(name, value);
    }
  }
}
