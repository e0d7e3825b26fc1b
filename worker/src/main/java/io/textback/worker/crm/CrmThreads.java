package io.textback.worker.crm;

import io.textback.crm.ThreadMirror;
import io.textback.worker.business.Business;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The lead's thread in the business's own CRM: each text that passes outside a journey's steps goes
 * to the {@link ThreadMirror} of the CRM the business runs; a business without a CRM has its thread in
 * textback's console only.
 */
@Component
public class CrmThreads {
  private final Map<String, ThreadMirror> byCrm;

  public CrmThreads(List<ThreadMirror> mirrors) {
    this.byCrm = mirrors.stream().collect(Collectors.toMap(m -> m.crm().id(), Function.identity()));
  }

  public void received(Business business, String leadPhone, String text, String messageSid, Instant at) {
    mirror(business).ifPresent(m -> m.received(business.id(), leadPhone, text, messageSid, at));
  }

  public void sent(Business business, String leadPhone, String text, String messageSid, Instant at) {
    mirror(business).ifPresent(m -> m.sent(business.id(), leadPhone, text, messageSid, at));
  }

  public void consentChanged(Business business, String leadPhone, boolean optedOut, String messageSid, Instant at) {
    mirror(business).ifPresent(m -> m.consentChanged(business.id(), leadPhone, optedOut, messageSid, at));
  }

  public void formReceived(Business business, String leadPhone, String text, String submissionId, Instant at) {
    mirror(business).ifPresent(m -> m.formReceived(business.id(), leadPhone, text, submissionId, at));
  }

  private Optional<ThreadMirror> mirror(Business business) {
    return Optional.ofNullable(byCrm.get(business.crm()));
  }
}
