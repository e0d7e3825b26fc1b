package io.textback.worker.crm.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.form.FormBodies;
import io.textback.worker.form.FormIntake;
import io.textback.worker.form.FormSignature;
import io.textback.worker.web.RequestRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /webhooks/forms/{businessId}/hubspot}: a form a HubSpot workflow passes on, into the same intake as the site's. */
@RestController
public class HubSpotFormWebhookController {
  /** Carries the business's form secret on HubSpot workflow webhooks (the action's API key). */
  public static final String FORM_KEY_HEADER = "X-Textback-Form-Key";
  private final BusinessDirectory businesses;
  private final FormIntake intake;
  private final HubSpotWebhookVerifier hubspotVerifier;
  private final ConfiguredHubSpotPortals portals;
  private final ObjectMapper json;

  public HubSpotFormWebhookController(BusinessDirectory businesses, FormIntake intake,
      HubSpotWebhookVerifier hubspotVerifier, ConfiguredHubSpotPortals portals, ObjectMapper json) {
    this.portals = portals;
    this.businesses = businesses;
    this.intake = intake;
    this.hubspotVerifier = hubspotVerifier;
    this.json = json;
  }

  /**
   * A HubSpot workflow's "Send a webhook" action on form submission (request signature on: HubSpot's
   * v3 signature with the app's client secret). The body is the contact's properties, flat or as
   * HubSpot's {@code {"properties": {"phone": {"value": ...}}}}; firstname, lastname, phone (or
   * mobilephone), email, message are read. HubSpot retries a failed webhook with the same body.
   */
  @PostMapping("/webhooks/forms/{businessId}/hubspot")
  public ResponseEntity<Map<String, Object>> submitFromHubSpot(@PathVariable String businessId,
      HttpServletRequest request) {
    Business business = businesses.requireForRequest(businessId);
    byte[] body = FormBodies.read(request);
    hubspotVerifier.verify(request, new String(body, StandardCharsets.UTF_8));
    // The app's client secret signs for every portal that installed it, and the body is written by
    // whoever built the workflow: neither says for which business. The business's own form secret,
    // set as the workflow action's API key (header X-Textback-Form-Key), does; and only a business
    // connected to a portal takes these, and not when the body names another portal.
    String portal = portals.settingsOf(business).map(HubSpotProperties.Portal::portalId).orElse(null);
    if (portal == null || portal.isBlank()) {
      throw new RequestRejectedException(HttpStatus.FORBIDDEN,
          businessId + " has no HubSpot connection: its HubSpot form webhook is off");
    }
    if (business.formSecret() == null || business.formSecret().isBlank()
        || !FormSignature.sameSecret(business.formSecret(), request.getHeader(FORM_KEY_HEADER))) {
      throw new RequestRejectedException(HttpStatus.FORBIDDEN, request.getHeader(FORM_KEY_HEADER) == null
          ? "missing " + FORM_KEY_HEADER + " (the business's form secret, as the workflow action's API key)"
          : FORM_KEY_HEADER + " is not " + businessId + "'s form secret");
    }
    JsonNode payload = FormBodies.jsonObject(json, body);
    Optional<String> named = HubSpotFormFields.portalOf(payload);
    if (named.isPresent() && !named.get().equals(portal)) {
      throw new RequestRejectedException(HttpStatus.FORBIDDEN, "this webhook comes from HubSpot portal " + named.get()
          + ", and " + businessId + " is connected to another");
    }
    Map<String, String> properties = HubSpotFormFields.of(payload);
    // HubSpot's servers send every portal's webhooks: no visitor address to count (the first-text caps hold)
    return intake.accept(business, properties, FormBodies.submissionId(properties, null, body), null);
  }
}
