package io.textback.connector.gohighlevel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.textback.connector.gohighlevel.api.HighLevelModel.CallInfo;
import io.textback.connector.gohighlevel.api.HighLevelModel.MessageError;
import io.textback.testkit.HighLevelFake;
import io.textback.testkit.HighLevelRecord;
import io.textback.testkit.contract.ContractViolations;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every HighLevel call textback makes, against the HighLevel fake held to HighLevel's contract: the
 * paths, the Version header each takes and the bodies pass it (a violation fails the test), and
 * HighLevel's error bodies become readable failures.
 */
class HighLevelClientTest {
  static HighLevelFake highLevel;
  HighLevelClient client;

  @BeforeAll
  static void start() {
    highLevel = HighLevelFake.start(0);
  }

  @AfterAll
  static void stop() {
    highLevel.close();
  }

  @BeforeEach
  void setUp() {
    highLevel.reset();
    ContractViolations.take();
    client = client("pit-location-token", 100);
  }

  @AfterEach
  void heldToTheContract() {
    highLevel.credentials().acceptAny();
    ContractViolations.assertNone("the calls this test made");
  }

  HighLevelClient client(String token, int per10Seconds) {
    return HighLevelClientFactory.forLocation("loc-1", () -> token, new HighLevelSettings(highLevel.baseUrl(), per10Seconds,
        200_000, 3, Duration.ofMillis(20), Duration.ofSeconds(2), Duration.ofSeconds(2)));
  }

  @Test
  void aNewPhoneIsNotFound_thenUpsertedOnce_andFoundAfter() {
    assertThat(client.findContactByPhone("+15551230001")).isEmpty();

    String id = client.upsertContact("+15551230001", null, null, null, "Missed call");

    assertThat(client.findContactByPhone("+15551230001")).get().extracting(HighLevelModel.Contact::id).isEqualTo(id);
    assertThat(highLevel.records("contact")).singleElement().satisfies(c -> {
      assertThat(c.locationId()).isEqualTo("loc-1");
      assertThat(c.field("source")).isEqualTo("Missed call");
    });
    String query = highLevel.wireMock().getAllServeEvents().stream().map(e -> e.getRequest().getUrl())
        .filter(u -> u.startsWith("/contacts/search/duplicate")).findFirst().orElseThrow();
    assertThat(query).as("the + of an E.164 number is encoded, as HighLevel asks").contains("number=%2B15551230001");
  }

  @Test
  void theContactsConversationIsCreatedOnce_andTextsAndCallsGoIntoIt() {
    String contact = client.upsertContact("+15551230002", "Ann", null, null, "Web form");
    String conversation = client.conversationOf(contact);
    assertThat(client.conversationOf(contact)).as("HighLevel keeps one per contact").isEqualTo(conversation);

    String text = client.addText(conversation, contact, "provider-1", "Sorry we missed your call", "outbound",
        "2026-12-02T10:00:00Z", "SM1");
    String again = client.addText(conversation, contact, "provider-1", "Sorry we missed your call", "outbound",
        "2026-12-02T10:00:00Z", "SM1");
    client.addCall(conversation, contact, "call-provider", new CallInfo("+15550100000", "+15551230002", "no-answer"),
        "2026-12-02T09:59:00Z", "CA1");

    assertThat(again).as("the same altId is the same message").isEqualTo(text);
    assertThat(highLevel.records("conversation")).hasSize(1);
    assertThat(highLevel.records("message")).extracting(r -> r.field("type")).containsExactly("SMS", "Call");
    HighLevelRecord sms = highLevel.records("message").get(0);
    assertThat(sms.field("direction")).isEqualTo("outbound");
    assertThat(sms.field("conversationProviderId")).isEqualTo("provider-1");
  }

  @Test
  void notesTasksAndAnOpportunityGoOnTheContact() {
    String contact = client.upsertContact("+15551230003", null, null, null, "Missed call");

    client.addNote(contact, "Missed call from +15551230003", null);
    client.addTask(contact, "Call back +15551230003 (voicemail)", "Voicemail: https://x/RE1", "2026-12-02T10:00:00Z", "user-9");
    String opportunity = client.createOpportunity("pipe-1", "stage-new", "Missed call from +15551230003", contact, "user-9");

    assertThat(highLevel.records("note")).singleElement().satisfies(n -> assertThat(n.field("contactId")).isEqualTo(contact));
    assertThat(highLevel.records("task")).singleElement().satisfies(t -> {
      assertThat(t.field("assignedTo")).isEqualTo("user-9");
      assertThat(t.field("completed")).isEqualTo("false");
    });
    assertThat(highLevel.records("opportunity")).singleElement().satisfies(o -> {
      assertThat(o.id()).isEqualTo(opportunity);
      assertThat(o.field("status")).isEqualTo("open");
      assertThat(o.field("pipelineStageId")).isEqualTo("stage-new");
    });
  }

  @Test
  void aStopSetsTheContactsSmsToDoNotDisturb() {
    String contact = client.upsertContact("+15551230004", null, null, null, "Missed call");
    assertThat(client.contact(contact).smsDoNotDisturb()).isFalse();

    client.setSmsDoNotDisturb(contact, true, "STOP by text, via textback");
    assertThat(client.contact(contact).smsDoNotDisturb()).isTrue();
    client.setSmsDoNotDisturb(contact, false, "START by text, via textback");
    assertThat(client.contact(contact).smsDoNotDisturb()).isFalse();
    client.setSmsDoNotDisturb(contact, true, "STOP again");

    assertThat(client.contact(contact).smsDoNotDisturb()).isTrue();
  }

  @Test
  void anAgentsMessageIsReadBack_andItsDeliveryReported() {
    String contact = client.upsertContact("+15551230005", null, null, null, "Missed call");
    client.conversationOf(contact);
    String messageId = (String) highLevel.agentTypes("loc-1", contact, "provider-1", "We can come at 3").get("id");

    assertThat(client.message(messageId).body()).isEqualTo("We can come at 3");
    client.setMessageStatus(messageId, "delivered", null);
    assertThat(client.message(messageId).status()).isEqualTo("delivered");
    client.setMessageStatus(messageId, "failed", new MessageError("30007", "saas", "Carrier filtered the message"));
    assertThat(client.message(messageId).status()).isEqualTo("failed");
  }

  @Test
  void aWrongToken_isHighLevelsUnauthorized_withItsMessage() {
    highLevel.credentials().acceptOnly("the-real-token");
    ContractViolations.take();

    assertThatThrownBy(() -> client("a-revoked-token", 100).findContactByPhone("+15551230006"))
        .isInstanceOfSatisfying(HighLevelApiException.class, e -> {
          assertThat(e.status()).isEqualTo(401);
          assertThat(e.isTransient()).isFalse();
          assertThat(e.getMessage()).contains("401 Unauthorized");
        });
    assertThat(ContractViolations.take()).as("the refusal itself is recorded").isNotEmpty();
  }

  @Test
  void aLocationOverItsBurstLimit_waitsItsTurn_insteadOfDrawing429s() {
    highLevel.limitTo(22);
    HighLevelClient limited = client("pit-location-token", 22);
    for (int i = 0; i < 24; i++) {
      limited.findContactByPhone("+1555124%04d".formatted(i));
    }
    assertThat(highLevel.rateLimitedCount()).isZero();
  }

  @Test
  void a429FromHighLevel_isRetried() {
    highLevel.limitTo(2);
    HighLevelClient unlimited = client("pit-location-token", 1000);
    unlimited.findContactByPhone("+15551250001");
    unlimited.findContactByPhone("+15551250002");

    assertThatThrownBy(() -> unlimited.findContactByPhone("+15551250003"))
        .isInstanceOfSatisfying(HighLevelApiException.class, e -> assertThat(e.isRateLimited()).isTrue());
    assertThat(unlimited.callCount()).as("3 tries for the third call").isEqualTo(5);
  }
}
