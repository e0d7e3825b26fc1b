package io.textback.connector.hubspot.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Vectors made by HubSpot's official Node library (src/test/resources/signature/generate-vectors.js). */
class HubSpotSignatureTest {
  static JsonNode vectors() throws Exception {
    try (InputStream in = HubSpotSignatureTest.class.getResourceAsStream("/signature/v3-vectors.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void matchesHubSpotsOwnLibrary() throws Exception {
    for (JsonNode v : vectors()) {
      assertThat(HubSpotSignature.v3(v.get("clientSecret").asText(), v.get("method").asText(), v.get("url").asText(),
          v.get("requestBody").asText(), v.get("timestamp").asLong()))
          .as(v.get("url").asText()).isEqualTo(v.get("signatureV3").asText());
    }
  }

  @Test
  void aGoodFreshSignatureIsAccepted_expiredTamperedOrMissingAreRefusedWithTheReason() throws Exception {
    JsonNode v = vectors().get(0);
    String secret = v.get("clientSecret").asText();
    String url = v.get("url").asText();
    String body = v.get("requestBody").asText();
    long ts = v.get("timestamp").asLong();
    String sig = v.get("signatureV3").asText();
    Instant fresh = Instant.ofEpochMilli(ts + 60_000);

    assertThat(HubSpotSignature.refusal(secret, "POST", url, body, Long.toString(ts), sig, fresh)).isNull();
    assertThat(HubSpotSignature.refusal(secret, "POST", url, body, Long.toString(ts), sig, Instant.ofEpochMilli(ts + 300_001)))
        .contains("more than 5 minutes");
    assertThat(HubSpotSignature.refusal(secret, "POST", url, body.replace("closedwon", "closedlost"), Long.toString(ts), sig, fresh))
        .contains("does not match");
    assertThat(HubSpotSignature.refusal(secret, "POST", url, body, Long.toString(ts + 1), sig, fresh)).contains("does not match");
    assertThat(HubSpotSignature.refusal("other", "POST", url, body, Long.toString(ts), sig, fresh)).contains("does not match");
    assertThat(HubSpotSignature.refusal(secret, "POST", url, body, null, sig, fresh)).contains("X-HubSpot-Request-Timestamp");
    assertThat(HubSpotSignature.refusal(secret, "POST", url, body, Long.toString(ts), null, fresh)).contains("missing X-HubSpot-Signature-v3");
  }
}
