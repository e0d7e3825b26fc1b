package io.textback.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.testkit.TwilioFake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Twilio fake answers and refuses as Twilio documents, in Twilio's error shape. */
class TwilioContractTest {
  static final String FORM = "application/x-www-form-urlencoded";
  static final String MESSAGES = "/2010-04-01/Accounts/" + TwilioFake.ACCOUNT_SID + "/Messages.json";
  static final String AUTH = RawRequests.basic(TwilioFake.ACCOUNT_SID, "test-auth-token");
  static TwilioFake twilio;
  final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    twilio = TwilioFake.start(0);
  }

  @AfterAll
  static void stop() {
    twilio.close();
  }

  @AfterEach
  void forget() {
    twilio.credentials().acceptAny();
  }

  @Test
  void aSendAsTwilioDocumentsIt_is201() throws Exception {
    var answer = RawRequests.send(twilio.baseUrl(), "POST", MESSAGES, FORM,
        "To=%2B15551234567&From=%2B15550100000&Body=hi&StatusCallback=https%3A%2F%2Fx.example%2Fs", AUTH);

    assertThat(answer.status()).isEqualTo(201);
    assertThat(json.readTree(answer.body()).path("sid").asText()).startsWith("SM");
    assertThat(ContractViolations.take()).isEmpty();
  }

  @Test
  void noToOrNoBody_isRefusedWithTwiliosOwnCodes() throws Exception {
    var noTo = RawRequests.send(twilio.baseUrl(), "POST", MESSAGES, FORM, "From=%2B15550100000&Body=hi", AUTH);
    var noBody = RawRequests.send(twilio.baseUrl(), "POST", MESSAGES, FORM, "To=%2B15551234567&From=%2B15550100000", AUTH);
    var noFrom = RawRequests.send(twilio.baseUrl(), "POST", MESSAGES, FORM, "To=%2B15551234567&Body=hi", AUTH);

    assertThat(noTo.status()).isEqualTo(400);
    assertThat(json.readTree(noTo.body()).path("code").asInt()).isEqualTo(21604);
    assertThat(json.readTree(noTo.body()).path("more_info").asText()).isEqualTo("https://www.twilio.com/docs/errors/21604");
    assertThat(json.readTree(noBody.body()).path("code").asInt()).isEqualTo(21602);
    assertThat(json.readTree(noFrom.body()).path("code").asInt()).isEqualTo(21603);
    assertThat(ContractViolations.take()).hasSize(3).first()
        .satisfies(v -> assertThat(v.problem()).isEqualTo("the parameter To is required"));
    assertThat(twilio.sentTo("+15551234567")).isEmpty();
  }

  @Test
  void anUndocumentedParameter_isTakenAsTwilioDoesButFailsTheTest() throws Exception {
    var answer = RawRequests.send(twilio.baseUrl(), "POST", MESSAGES, FORM,
        "To=%2B15551234568&From=%2B15550100000&Body=hi&IdempotencyKey=k1", AUTH);

    assertThat(answer.status()).as("Twilio ignores it (warning 20001)").isEqualTo(201);
    assertThat(ContractViolations.take()).singleElement().satisfies(v -> {
      assertThat(v.refused()).isFalse();
      assertThat(v.problem()).startsWith("the parameter IdempotencyKey is not documented for messages.create");
    });
  }

  @Test
  void aStrayParameterDoesNotHideAMissingTo_andABlankToIsMissing() throws Exception {
    var stray = RawRequests.send(twilio.baseUrl(), "POST", MESSAGES + "?Debug=1", FORM, "From=%2B15550100000&Body=hi", AUTH);
    var blank = RawRequests.send(twilio.baseUrl(), "POST", MESSAGES, FORM, "To=&From=%2B15550100000&Body=hi", AUTH);

    assertThat(stray.status()).isEqualTo(400);
    assertThat(json.readTree(stray.body()).path("code").asInt()).isEqualTo(21604);
    assertThat(blank.status()).isEqualTo(400);
    assertThat(json.readTree(blank.body()).path("code").asInt()).isEqualTo(21604);
    assertThat(ContractViolations.take()).hasSize(2).allSatisfy(v -> assertThat(v.problem()).isEqualTo("the parameter To is required"));
  }

  @Test
  void aWrongAuthTokenOrAnotherAccount_is401With20003() throws Exception {
    twilio.credentials().acceptOnly("test-auth-token");
    String body = "To=%2B15551234569&From=%2B15550100000&Body=hi";

    var wrong = RawRequests.send(twilio.baseUrl(), "POST", MESSAGES, FORM, body, RawRequests.basic(TwilioFake.ACCOUNT_SID, "nope"));
    var otherAccount = RawRequests.send(twilio.baseUrl(), "POST", MESSAGES, FORM, body,
        RawRequests.basic("AC" + "1".repeat(32), "test-auth-token"));
    var none = RawRequests.send(twilio.baseUrl(), "POST", MESSAGES, FORM, body, null);

    for (var answer : java.util.List.of(wrong, otherAccount, none)) {
      assertThat(answer.status()).isEqualTo(401);
      assertThat(json.readTree(answer.body()).path("code").asInt()).isEqualTo(20003);
    }
    assertThat(ContractViolations.take()).hasSize(3);
    assertThat(twilio.sentTo("+15551234569")).isEmpty();
  }

  @Test
  void anUnknownApiVersion_is404With20404() throws Exception {
    var answer = RawRequests.send(twilio.baseUrl(), "POST", "/2008-08-01/Accounts/" + TwilioFake.ACCOUNT_SID + "/SMS/Messages.json",
        FORM, "To=%2B15551234567&From=%2B15550100000&Body=hi", AUTH);

    assertThat(answer.status()).isEqualTo(404);
    var body = json.readTree(answer.body());
    assertThat(body.path("code").asInt()).isEqualTo(20404);
    assertThat(body.path("message").asText()).contains("/2008-08-01/Accounts/");
    assertThat(ContractViolations.take()).singleElement().satisfies(v -> assertThat(v.status()).isEqualTo(404));
  }

  @Test
  void aLookupAsksTheDocumentedFields_andAMistypedPageSizeIsRefused() throws Exception {
    var lookup = RawRequests.send(twilio.baseUrl(), "GET", "/v2/PhoneNumbers/%2B15551234567?Fields=line_type_intelligence",
        null, null, AUTH);
    var list = RawRequests.send(twilio.baseUrl(), "GET", MESSAGES + "?To=%2B15551234567&PageSize=fifty", null, null, AUTH);

    assertThat(lookup.status()).isEqualTo(200);
    assertThat(list.status()).isEqualTo(400);
    assertThat(ContractViolations.take()).singleElement()
        .satisfies(v -> assertThat(v.problem()).isEqualTo("PageSize is 'fifty'; the vendor types it integer"));
  }
}
