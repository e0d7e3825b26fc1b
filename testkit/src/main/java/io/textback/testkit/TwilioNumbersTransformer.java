package io.textback.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account's own numbers, as IncomingPhoneNumbers answers in twilio_api_v2010.json: the list
 * (key incoming_phone_numbers with the 2010 API's page fields), one number by its PN sid, and the
 * update, which takes the form fields Twilio names (VoiceUrl, VoiceMethod, StatusCallback,
 * StatusCallbackMethod, SmsUrl, SmsMethod, FriendlyName...) and answers the updated resource. An
 * unknown sid is 404 (20404); a method other than GET or POST is 400 (21xxx: invalid parameter).
 */
final class TwilioNumbersTransformer implements ResponseDefinitionTransformerV2 {
  static final String NAME = "twilio-numbers";
  static final String PATH = "/2010-04-01/Accounts/[^/]+/IncomingPhoneNumbers(/PN[0-9a-f]{32})?\\.json";
  /** Form field → resource field, for the fields textback's update may send. */
  private static final Map<String, String> FIELDS = Map.of("VoiceUrl", "voice_url", "VoiceMethod", "voice_method",
      "StatusCallback", "status_callback", "StatusCallbackMethod", "status_callback_method", "SmsUrl", "sms_url",
      "SmsMethod", "sms_method", "FriendlyName", "friendly_name", "VoiceApplicationSid", "voice_application_sid",
      "SmsApplicationSid", "sms_application_sid");
  private static final Set<String> METHODS = Set.of("VoiceMethod", "SmsMethod", "StatusCallbackMethod");
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Map<String, Object>> numbers = new ConcurrentHashMap<>();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  /** The account owns this number; its calls, call status and texts go to these URLs (null: nowhere set). */
  String own(String phone, String voiceUrl, String statusCallback, String smsUrl) {
    String sid = sid(phone);
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("account_sid", TwilioFake.ACCOUNT_SID);
    n.put("sid", sid);
    n.put("phone_number", phone);
    n.put("friendly_name", phone);
    n.put("api_version", "2010-04-01");
    n.put("voice_url", voiceUrl);
    n.put("voice_method", "POST");
    n.put("status_callback", statusCallback);
    n.put("status_callback_method", "POST");
    n.put("sms_url", smsUrl);
    n.put("sms_method", "POST");
    n.put("voice_application_sid", "");
    n.put("sms_application_sid", "");
    n.put("trunk_sid", null);
    n.put("capabilities", Map.of("voice", true, "sms", true, "mms", true, "fax", false));
    n.put("status", "in-use");
    n.put("uri", "/2010-04-01/Accounts/" + TwilioFake.ACCOUNT_SID + "/IncomingPhoneNumbers/" + sid + ".json");
    numbers.put(sid, n);
    return sid;
  }

  Map<String, Object> number(String phone) {
    return numbers.get(sid(phone));
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    String path = event.getRequest().getUrl().replaceAll("\\?.*$", "");
    String[] parts = path.split("/");
    String last = parts[parts.length - 1];
    try {
      if (last.equals("IncomingPhoneNumbers.json")) {
        String filter = query(event.getRequest().getUrl()).get("PhoneNumber");
        List<Map<String, Object>> items = new ArrayList<>(numbers.values().stream()
            .filter(n -> filter == null || filter.equals(n.get("phone_number"))).toList());
        return answer(event, 200, page(path, items));
      }
      Map<String, Object> n = numbers.get(last.replace(".json", ""));
      if (n == null) {
        return answer(event, 404, Map.of("code", 20404, "message", "The requested resource " + path + " was not found",
            "more_info", "https://www.twilio.com/docs/errors/20404", "status", 404));
      }
      if (event.getRequest().getMethod().getName().equals("POST")) {
        Map<String, String> form = query("?" + event.getRequest().getBodyAsString());
        for (var f : form.entrySet()) {
          if (METHODS.contains(f.getKey()) && !Set.of("GET", "POST").contains(f.getValue().toUpperCase())) {
            return answer(event, 400, Map.of("code", 21502, "message", f.getKey() + " is not valid: " + f.getValue(),
                "more_info", "https://www.twilio.com/docs/errors/21502", "status", 400));
          }
        }
        synchronized (n) {
          form.forEach((k, v) -> {
            if (FIELDS.containsKey(k)) {
              n.put(FIELDS.get(k), METHODS.contains(k) ? v.toUpperCase() : v);
            }
          });
        }
      }
      return answer(event, 200, n);
    } catch (Exception e) {
      return ResponseDefinitionBuilder.like(event.getResponseDefinition()).withStatus(500).build();
    }
  }

  private ResponseDefinition answer(ServeEvent event, int status, Object body) throws Exception {
    return ResponseDefinitionBuilder.like(event.getResponseDefinition()).withStatus(status)
        .withBody(json.writeValueAsString(body)).build();
  }

  private static Map<String, String> query(String url) {
    Map<String, String> out = new LinkedHashMap<>();
    int q = url.indexOf('?');
    if (q < 0) {
      return out;
    }
    for (String pair : url.substring(q + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static Map<String, Object> page(String path, List<Map<String, Object>> items) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("first_page_uri", path + "?PageSize=1000&Page=0");
    page.put("end", Math.max(0, items.size() - 1));
    page.put("next_page_uri", null);
    page.put("page", 0);
    page.put("page_size", 1000);
    page.put("previous_page_uri", null);
    page.put("start", 0);
    page.put("uri", path + "?PageSize=1000&Page=0");
    page.put("incoming_phone_numbers", items);
    return page;
  }

  /** The number's PN sid: the same one Messaging v1 lists it under. */
  private static String sid(String phone) {
    return TwilioMessagingTransformer.sid("PN", phone);
  }
}
