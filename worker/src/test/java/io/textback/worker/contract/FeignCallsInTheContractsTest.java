package io.textback.worker.contract;

import static org.assertj.core.api.Assertions.assertThat;

import feign.RequestLine;
import io.textback.connector.hubspot.api.HubSpotConversationsApi;
import io.textback.connector.hubspot.api.HubSpotCrmApi;
import io.textback.connector.hubspot.api.HubSpotDeveloperApi;
import io.textback.connector.twilio.api.TwilioLookupApi;
import io.textback.connector.twilio.api.TwilioMessagesApi;
import io.textback.testkit.contract.VendorContract;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every call textback's Feign clients can make is an operation of the vendor's contract (method and
 * path with its published version), so no client call can go untested against the contract.
 */
class FeignCallsInTheContractsTest {

  @Test
  void everyHubSpotCallIsAPublishedOperation() {
    assertThat(calls(HubSpotCrmApi.class, HubSpotConversationsApi.class, HubSpotDeveloperApi.class))
        .hasSize(14).allSatisfy(call -> assertThat(shapes(VendorContract.hubspot())).contains(call));
  }

  @Test
  void everyHighLevelCallIsAPublishedOperation() {
    assertThat(calls(io.textback.connector.gohighlevel.api.HighLevelContactsApi.class,
        io.textback.connector.gohighlevel.api.HighLevelConversationsApi.class,
        io.textback.connector.gohighlevel.api.HighLevelOpportunitiesApi.class,
        io.textback.connector.gohighlevel.api.HighLevelOAuthApi.class))
        .hasSize(13).allSatisfy(call -> assertThat(shapes(VendorContract.gohighlevel())).contains(call));
  }

  @Test
  void everyTwilioCallIsAPublishedOperation() {
    assertThat(calls(TwilioMessagesApi.class, TwilioLookupApi.class,
        io.textback.connector.twilio.api.TwilioMessagingApi.class, io.textback.connector.twilio.api.TwilioNumbersApi.class))
        .hasSize(10).allSatisfy(call -> assertThat(shapes(VendorContract.twilio())).contains(call));
  }

  private static List<String> calls(Class<?>... apis) {
    List<String> calls = new ArrayList<>();
    for (Class<?> api : apis) {
      for (Method method : api.getMethods()) {
        RequestLine line = method.getAnnotation(RequestLine.class);
        if (line != null) {
          calls.add(shape(line.value()));
        }
      }
    }
    return calls;
  }

  private static List<String> shapes(VendorContract contract) {
    return contract.operationLines().stream().map(FeignCallsInTheContractsTest::shape).toList();
  }

  /** "POST /a/{x}/b?q={q}" → "POST /a/{}/b": parameter names and the query do not matter here. */
  private static String shape(String line) {
    return line.replaceAll("\\?.*$", "").replaceAll("\\{[^}]+}", "{}");
  }
}
