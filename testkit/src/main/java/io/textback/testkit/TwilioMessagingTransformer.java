package io.textback.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers Messaging v1 reads as twilio_messaging_v1.json describes them (list keys services,
 * phone_numbers, compliance, verifications, each with its meta): one Messaging Service per number a
 * test registered for A2P, with its campaign's status, and the toll-free verifications a test set.
 * A number nobody registered is in no service, as a fresh Twilio account's numbers are.
 */
final class TwilioMessagingTransformer implements ResponseDefinitionTransformerV2 {
  static final String NAME = "twilio-messaging";
  private final ObjectMapper json = new ObjectMapper();
  /** number → campaign status (VERIFIED, IN_PROGRESS, FAILED; null: a service without a campaign) */
  private final Map<String, java.util.Optional<String>> a2p = new ConcurrentHashMap<>();
  private final Map<String, String> tollFree = new ConcurrentHashMap<>();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  void register(String number, String campaignStatus) {
    a2p.put(number, java.util.Optional.ofNullable(campaignStatus));
  }

  void verifyTollFree(String number, String status) {
    tollFree.put(number, status);
  }

  void clear() {
    a2p.clear();
    tollFree.clear();
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    String path = event.getRequest().getUrl().replaceAll("\\?.*$", "");
    try {
      Object body;
      if (path.equals("/v1/Services")) {
        List<Map<String, Object>> services = new ArrayList<>();
        a2p.forEach((number, campaign) -> {
          Map<String, Object> s = new LinkedHashMap<>();
          s.put("sid", sid("MG", number));
          s.put("account_sid", TwilioFake.ACCOUNT_SID);
          s.put("friendly_name", "textback " + number);
          s.put("usecase", "undeclared");
          s.put("us_app_to_person_registered", campaign.map("VERIFIED"::equals).orElse(false));
          services.add(s);
        });
        body = page(path, "services", services);
      } else if (path.matches("/v1/Services/MG[0-9a-f]{32}/PhoneNumbers")) {
        String service = path.split("/")[3];
        List<Map<String, Object>> numbers = new ArrayList<>();
        a2p.keySet().stream().filter(n -> sid("MG", n).equals(service)).forEach(n -> numbers.add(Map.of(
            "sid", sid("PN", n), "service_sid", service, "phone_number", n, "country_code", "US", "capabilities", List.of())));
        body = page(path, "phone_numbers", numbers);
      } else if (path.matches("/v1/Services/MG[0-9a-f]{32}/Compliance/Usa2p")) {
        String service = path.split("/")[3];
        List<Map<String, Object>> campaigns = new ArrayList<>();
        a2p.forEach((n, status) -> {
          if (sid("MG", n).equals(service) && status.isPresent()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("sid", sid("QE", n));
            c.put("messaging_service_sid", service);
            c.put("brand_registration_sid", sid("BN", n));
            c.put("us_app_to_person_usecase", "CUSTOMER_CARE");
            c.put("campaign_status", status.get());
            c.put("campaign_id", "CFAKE" + n.substring(n.length() - 4));
            c.put("errors", status.get().equals("FAILED") ? List.of(Map.of("error_code", 30909, "fields", List.of("MESSAGE_FLOW"),
                "url", "https://www.twilio.com/docs/api/errors/30909",
                "description", "Campaign rejected: Message Flow or Call to Action incomplete/unverified")) : List.of());
            campaigns.add(c);
          }
        });
        body = page(path, "compliance", campaigns);
      } else if (path.equals("/v1/Tollfree/Verifications")) {
        List<Map<String, Object>> verifications = new ArrayList<>();
        tollFree.forEach((n, status) -> {
          Map<String, Object> v = new LinkedHashMap<>();
          v.put("sid", sid("HH", n));
          v.put("status", status);
          v.put("tollfree_phone_number_sid", sid("PN", n));
          v.put("tollfree_phone_number", n);
          v.put("rejection_reason", status.equals("TWILIO_REJECTED") ? "Opt-in not sufficient" : null);
          v.put("error_code", status.equals("TWILIO_REJECTED") ? 30841 : null);
          verifications.add(v);
        });
        body = page(path, "verifications", verifications);
      } else {
        return ResponseDefinitionBuilder.like(event.getResponseDefinition()).withStatus(404)
            .withBody(json.writeValueAsString(Map.of("code", 20404, "message", "The requested resource " + path + " was not found",
                "more_info", "https://www.twilio.com/docs/errors/20404", "status", 404)))
            .build();
      }
      return ResponseDefinitionBuilder.like(event.getResponseDefinition()).withStatus(200)
          .withBody(json.writeValueAsString(body)).build();
    } catch (Exception e) {
      return ResponseDefinitionBuilder.like(event.getResponseDefinition()).withStatus(500).build();
    }
  }

  private static Map<String, Object> page(String path, String key, List<Map<String, Object>> items) {
    Map<String, Object> meta = new LinkedHashMap<>();
    String url = "https://messaging.twilio.com" + path + "?PageSize=1000&Page=0";
    meta.put("page", 0);
    meta.put("page_size", 1000);
    meta.put("first_page_url", url);
    meta.put("previous_page_url", null);
    meta.put("url", url);
    meta.put("next_page_url", null);
    meta.put("key", key);
    Map<String, Object> page = new LinkedHashMap<>();
    page.put(key, items);
    page.put("meta", meta);
    return page;
  }

  /** A stable sid of the kind for the number: the prefix and 32 hex digits. */
  static String sid(String prefix, String number) {
    byte[] digest;
    try {
      digest = java.security.MessageDigest.getInstance("MD5").digest((prefix + number).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return prefix + HexFormat.of().formatHex(digest);
  }
}
