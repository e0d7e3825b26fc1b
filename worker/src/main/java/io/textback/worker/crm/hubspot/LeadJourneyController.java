package io.textback.worker.crm.hubspot;

import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.crm.JdbcCrmLedger;
import io.textback.worker.crm.LeadJourney;
import io.textback.worker.crm.LeadJourneys;
import org.springframework.beans.factory.annotation.Qualifier;
import io.textback.worker.web.RequestRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HubSpot contact card's backend: the lead's journey, and "Pause automation" / "Resume". Only
 * requests signed by HubSpot (v3, as hubspot.fetch sends them) are answered; HubSpot adds the
 * portal's id to the query, which picks the business.
 */
@RestController
public class LeadJourneyController {
  public static final String PATH = "/api/leads/{contactId}/journey";
  private static final Logger LOG = LoggerFactory.getLogger(LeadJourneyController.class);
  private final HubSpotWebhookVerifier verifier;
  private final BusinessDirectory businesses;
  private final LeadJourneys journeys;
  private final HubSpotAccounts accounts;
  private final JdbcCrmLedger ledger;

  public LeadJourneyController(HubSpotWebhookVerifier verifier, BusinessDirectory businesses, LeadJourneys journeys,
      HubSpotAccounts accounts, @Qualifier("hubSpotLedger") JdbcCrmLedger ledger) {
    this.verifier = verifier;
    this.businesses = businesses;
    this.journeys = journeys;
    this.accounts = accounts;
    this.ledger = ledger;
  }

  @GetMapping(PATH)
  public LeadJourney journey(@PathVariable String contactId, @RequestParam(required = false) String portalId,
      HttpServletRequest request) {
    verifier.verify(request, "");
    LeadJourneys.Lead lead = lead(contactId, portalId);
    return journeys.journey(contactId, lead).orElseThrow(() ->
        new RequestRejectedException(HttpStatus.NOT_FOUND, "no textback journey for contact " + contactId));
  }

  /** Body {"paused": true} pauses follow-ups and escalation texts for the lead; false resumes them. */
  @PostMapping("/api/leads/{contactId}/automation")
  public LeadJourney automation(@PathVariable String contactId, @RequestParam(required = false) String portalId,
      @RequestBody(required = false) String body, HttpServletRequest request) {
    verifier.verify(request, body == null ? "" : body);
    Boolean paused = parsePaused(body);
    LeadJourneys.Lead lead = lead(contactId, portalId);
    if (!journeys.setPaused(lead, paused)) {
      throw new RequestRejectedException(HttpStatus.CONFLICT, "contact " + contactId + " has no open conversation to "
          + (paused ? "pause" : "resume"));
    }
    LOG.info("Automation {} for contact {} ({})", paused ? "paused" : "resumed", contactId, lead.businessId());
    return journeys.journey(contactId, lead).orElseThrow();
  }

  private LeadJourneys.Lead lead(String contactId, String portalId) {
    if (!contactId.matches("\\d{1,20}")) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "contactId must be HubSpot's numeric record id");
    }
    List<String> candidates = portalId == null
        ? businesses.all().stream().map(Business::id).toList()
        : accounts.byPortal(portalId).map(b -> List.of(b.id())).orElseThrow(() ->
            new RequestRejectedException(HttpStatus.NOT_FOUND, "no business is connected to HubSpot portal " + portalId));
    return ledger.leadOfContact(contactId, candidates).orElseThrow(() ->
        new RequestRejectedException(HttpStatus.NOT_FOUND, "no textback journey for contact " + contactId));
  }

  private static Boolean parsePaused(String body) {
    if (body == null || !body.replaceAll("\\s", "").matches("\\{\"paused\":(true|false)}")) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "body must be {\"paused\": true} or {\"paused\": false}");
    }
    return body.contains("true");
  }
}
