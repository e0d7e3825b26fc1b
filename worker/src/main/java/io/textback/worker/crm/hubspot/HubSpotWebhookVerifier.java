package io.textback.worker.crm.hubspot;

import io.textback.connector.hubspot.signature.HubSpotSignature;
import io.textback.worker.TextbackProperties;
import io.textback.worker.web.RequestRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Checks HubSpot's v3 signature over the public URL and the raw body, within HubSpot's 5-minute window. */
@Component
public class HubSpotWebhookVerifier {
  private final String publicBaseUrl;
  private final String clientSecret;
  private final Clock clock;

  public HubSpotWebhookVerifier(TextbackProperties properties, HubSpotProperties hubspot, Clock clock) {
    this.publicBaseUrl = properties.publicBaseUrl();
    this.clientSecret = hubspot.hubspot().clientSecret();
    this.clock = clock;
  }

  public void verify(HttpServletRequest request, String rawBody) {
    if (clientSecret == null || clientSecret.isBlank()) {
      throw new RequestRejectedException(HttpStatus.UNAUTHORIZED, "textback.hubspot.client-secret is not set: HubSpot webhooks cannot be checked");
    }
    String uri = publicBaseUrl + request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    String refusal = HubSpotSignature.refusal(clientSecret, request.getMethod(), uri, rawBody,
        request.getHeader(HubSpotSignature.TIMESTAMP_HEADER), request.getHeader(HubSpotSignature.HEADER), clock.instant());
    if (refusal != null) {
      throw new RequestRejectedException(HttpStatus.UNAUTHORIZED, refusal);
    }
  }
}
