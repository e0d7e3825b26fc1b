package io.textback.worker.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.textback.testkit.HubSpotRecord;
import io.textback.testkit.TwilioPhone.Call;
import io.textback.worker.support.WorkerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A web form, end to end: signed webhook in, the text out within a second, the lead in HubSpot. */
class FormJourneyTest extends WorkerIntegrationTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  HttpResponse<String> post(String business, String contentType, String body, String signature) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/forms/" + business))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header(FormSignature.HEADER, signature);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> submit(String contentType, String body) throws Exception {
    return post("demo-plumbing", contentType, body,
        FormSignature.sign(FORM_SECRET, body.getBytes(StandardCharsets.UTF_8)));
  }

  static String json(String phone, String extra) {
    return "{\"submissionId\":\"" + UUID.randomUUID() + "\",\"name\":\"Ann Lee\",\"phone\":\"" + phone
        + "\",\"email\":\"ann." + phone.substring(1) + "@example.com\",\"message\":\"Water heater leaking\","
        + "\"source\":\"Website\",\"consent\":true,\"zip\":\"60601\"" + extra + "}";
  }

  List<HubSpotRecord> contactsWith(String phone) {
    return hubspot().records("contacts").stream().filter(c -> phone.equals(c.properties().get("phone"))).toList();
  }

  @Test
  void aJsonForm_textedWithinASecond_withTheFormCopy_andTheLeadInHubSpot() throws Exception {
    String lead = newCaller();
    long posted = System.nanoTime();
    HttpResponse<String> response = submit("application/json", json(lead, ""));
    assertThat(response.statusCode()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(5)).until(() -> twilio().sentTo(lead).size() == 1);
    assertThat(Duration.ofNanos(System.nanoTime() - posted)).isLessThan(Duration.ofSeconds(3));
    assertThat(twilio().sentTo(lead).get(0).body()).startsWith("Hi Ann, it's Demo Plumbing. Thanks for your request!");
    assertThat(twilio().sentTo(lead).get(0).from()).isEqualTo(DEMO_NUMBER);

    await().atMost(Duration.ofSeconds(15)).until(() -> hubspot().records("0-3").stream()
        .anyMatch(d -> d.properties().get("dealname").equals("Web form from Ann (" + lead + ")")));
    HubSpotRecord contact = contactsWith(lead).get(0);
    assertThat(contact.properties()).containsEntry("firstname", "Ann").containsEntry("lastname", "Lee")
        .containsEntry("email", "ann." + lead.substring(1) + "@example.com");
    assertThat(hubspot().records("messages").stream().map(m -> m.properties().get("text")))
        .contains("Web form: Water heater leaking", twilio().sentTo(lead).get(0).body());
    String stored = jdbc.sql("select payload::text from inbound_event where kind = 'form-submission' and payload->>'phone' = :p")
        .param("p", lead).query(String.class).single();
    assertThat(stored).contains("\"zip\": \"60601\"").contains("\"consent\": \"true\"");
  }

  @Test
  void aFormEncodedForm_isTextedToo() throws Exception {
    String lead = newCaller();
    String body = "name=Bo&phone=" + java.net.URLEncoder.encode(lead, StandardCharsets.UTF_8) + "&message=AC+broken";
    assertThat(submit("application/x-www-form-urlencoded", body).statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(5)).until(() -> twilio().sentTo(lead).size() == 1);
    assertThat(twilio().sentTo(lead).get(0).body()).startsWith("Hi Bo,");
  }

  @Test
  void theSameSubmissionTwice_oneText() throws Exception {
    String lead = newCaller();
    String body = json(lead, "");
    assertThat(submit("application/json", body).statusCode()).isEqualTo(202);
    HttpResponse<String> again = submit("application/json", body);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("\"duplicate\":true");
    await().atMost(Duration.ofSeconds(5)).until(() -> twilio().sentTo(lead).size() == 1);
    Thread.sleep(1000);
    assertThat(twilio().sentTo(lead)).hasSize(1);
  }

  @Test
  void aLeadAlreadyInAConversation_joinsIt_noSecondFirstText() throws Exception {
    String lead = newCaller();
    Call call = phone().call(lead, DEMO_NUMBER);
    call.missed();
    call.hangsUpAtGreeting();
    await().atMost(Duration.ofSeconds(10)).until(() -> engine().isWaitingFor("lead-replied", "demo-plumbing:" + lead));

    assertThat(submit("application/json", json(lead, "")).statusCode()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
            "select count(*) from conversation_message where phone = :p and kind = 'form'").param("p", lead)
        .query(Long.class).single() == 1);
    Thread.sleep(1000);
    assertThat(twilio().sentTo(lead)).hasSize(1); // the text-back only
  }

  @Test
  void noPhone_422ListingIt_storedAndTheContactLoggedByEmail() throws Exception {
    String email = "nophone-" + UUID.randomUUID() + "@example.com";
    HttpResponse<String> response = submit("application/json", "{\"name\":\"Cy\",\"email\":\"" + email + "\"}");
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("phone is missing").contains("\"missing\":[\"phone\"]");
    assertThat(jdbc.sql("select count(*) from inbound_event where kind = 'form-rejected' and payload->>'email' = :e")
        .param("e", email).query(Long.class).single()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(15)).until(() -> hubspot().records("contacts").stream()
        .anyMatch(c -> email.equals(c.properties().get("email"))));
  }

  @Test
  void badInput_clearRefusals_neverA500() throws Exception {
    assertThat(submit("application/json", "{\"name\":\"Di\",\"phone\":\"12\"}").statusCode()).isEqualTo(422);
    assertThat(submit("application/json", "{\"name\":").statusCode()).isEqualTo(400);
    assertThat(submit("text/plain", "phone=+15551234567").statusCode()).isEqualTo(415);
    String big = json(newCaller(), ",\"notes\":\"" + "x".repeat(70_000) + "\"");
    assertThat(submit("application/json", big).statusCode()).isEqualTo(413);
    String body = json(newCaller(), "");
    assertThat(post("no-such-business", "application/json", body, "sha256=00").statusCode()).isEqualTo(404);
    HttpResponse<String> unsigned = post("demo-plumbing", "application/json", body, null);
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(unsigned.body()).contains("missing X-Textback-Signature");
    HttpResponse<String> forged = post("demo-plumbing", "application/json", body,
        FormSignature.sign("not-the-secret", body.getBytes(StandardCharsets.UTF_8)));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(post("cool-air", "application/json", body, "sha256=00").body()).contains("forms are off for cool-air");
  }

  @Test
  void aHubSpotWorkflowWebhook_signedWithV3_isTexted_andABadSignatureIsRefused() throws Exception {
    String lead = newCaller();
    String body = "{\"properties\":{\"firstname\":{\"value\":\"Eve\"},\"phone\":{\"value\":\"" + lead
        + "\"},\"hs_object_id\":{\"value\":\"8801\"},\"recent_conversion_date\":{\"value\":\"1796000000000\"}}}";
    String path = "/webhooks/forms/demo-plumbing/hubspot";
    long now = System.currentTimeMillis();
    String signature = io.textback.connector.hubspot.signature.HubSpotSignature.v3("test-client-secret", "POST",
        io.textback.worker.support.TestInfrastructure.PUBLIC_BASE_URL + path, body, now);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").header("X-HubSpot-Request-Timestamp", String.valueOf(now))
        .header(io.textback.worker.crm.hubspot.HubSpotFormWebhookController.FORM_KEY_HEADER, FORM_SECRET)
        .POST(HttpRequest.BodyPublishers.ofString(body));

    HttpResponse<String> signed = HTTP.send(request.copy().header("X-HubSpot-Signature-v3", signature).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(signed.statusCode()).isEqualTo(202);
    assertThat(signed.body()).contains("hubspot-8801-1796000000000");
    await().atMost(Duration.ofSeconds(5)).until(() -> twilio().sentTo(lead).size() == 1);
    assertThat(twilio().sentTo(lead).get(0).body()).startsWith("Hi Eve,");

    HttpResponse<String> forged = HTTP.send(request.copy().header("X-HubSpot-Signature-v3", "AAAA" + signature.substring(4))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(401);
  }

  HttpResponse<String> hubspotForm(String business, String body) throws Exception {
    return hubspotForm(business, body, FORM_SECRET);
  }

  HttpResponse<String> hubspotForm(String business, String body, String formKey) throws Exception {
    String path = "/webhooks/forms/" + business + "/hubspot";
    long now = System.currentTimeMillis();
    String signature = io.textback.connector.hubspot.signature.HubSpotSignature.v3("test-client-secret", "POST",
        io.textback.worker.support.TestInfrastructure.PUBLIC_BASE_URL + path, body, now);
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").header("X-HubSpot-Request-Timestamp", String.valueOf(now))
        .header("X-HubSpot-Signature-v3", signature).header(io.textback.worker.crm.hubspot.HubSpotFormWebhookController.FORM_KEY_HEADER, formKey)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aHubSpotFormWebhook_isTiedToTheBusinessAndItsPortal() throws Exception {
    String lead = newCaller();
    String fromDemosPortal = "{\"portalId\":62515,\"properties\":{\"firstname\":{\"value\":\"Eve\"},\"phone\":{\"value\":\""
        + lead + "\"}}}";

    // Signed with the app's secret, but for a business with no HubSpot connection, or naming another portal.
    HttpResponse<String> noConnection = hubspotForm("cool-air", fromDemosPortal);
    HttpResponse<String> otherPortal = hubspotForm("late-electric", fromDemosPortal);
    assertThat(noConnection.statusCode()).isEqualTo(403);
    assertThat(noConnection.body()).contains("cool-air has no HubSpot connection");
    assertThat(otherPortal.statusCode()).isEqualTo(403);
    assertThat(otherPortal.body()).contains("portal 62515").contains("late-electric is connected to another");
    // Another portal's workflow can write any portal id into its body: without the business's own
    // form secret as the action's API key it is refused all the same.
    HttpResponse<String> noKey = hubspotForm("demo-plumbing", fromDemosPortal, "a-guess");
    assertThat(noKey.statusCode()).isEqualTo(403);
    assertThat(noKey.body()).contains("X-Textback-Form-Key is not demo-plumbing's form secret");
    Thread.sleep(1000);
    assertThat(twilio().sentTo(lead)).isEmpty();

    assertThat(hubspotForm("demo-plumbing", fromDemosPortal).statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(5)).until(() -> twilio().sentTo(lead).size() == 1);
    assertThat(twilio().sentTo(lead).get(0).from()).isEqualTo(DEMO_NUMBER);
  }
}
