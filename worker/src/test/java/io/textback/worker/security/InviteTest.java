package io.textback.worker.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.worker.support.TestInfrastructure;
import io.textback.worker.support.WorkerIntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An admin invites a dispatcher of Cool Air: the one-time link opens a page to choose a password,
 * the login it makes sees Cool Air only, the password is kept only as its hash, and the link works
 * once and not after it expires.
 */
class InviteTest extends WorkerIntegrationTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  String base() {
    return "http://localhost:" + port;
  }

  String tokenOf(HttpResponse<String> created) throws Exception {
    String link = JSON.readTree(created.body()).get("link").asText();
    assertThat(link).startsWith(TestInfrastructure.PUBLIC_BASE_URL + "/invite/");
    return link.substring(link.lastIndexOf('/') + 1);
  }

  HttpResponse<String> choose(HttpClient browser, String token, String password, String confirm) throws Exception {
    String page = browser.send(HttpRequest.newBuilder(URI.create(base() + "/invite/" + token)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    String form = "password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&confirm="
        + URLEncoder.encode(confirm, StandardCharsets.UTF_8) + (csrf.find() ? "&_csrf=" + URLEncoder.encode(csrf.group(1),
        StandardCharsets.UTF_8) : "");
    return browser.send(HttpRequest.newBuilder(URI.create(base() + "/invite/" + token)).header("Origin", base())
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anInvitedMember_choosesAPassword_onceAndOnly_andSeesTheirBusinessOnly() throws Exception {
    String email = "dana." + System.nanoTime() + "@cool-air.example";
    HttpResponse<String> created = api("POST", "/api/users/invites",
        "{\"email\":\"" + email.toUpperCase() + "\",\"role\":\"MEMBER\",\"businesses\":[\"cool-air\"]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String token = tokenOf(created);

    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base() + "/invite/" + token)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("textback").contains(email).contains("member");
    assertThat(choose(browser, token, "short", "short").statusCode()).isEqualTo(422);
    assertThat(choose(browser, token, "long enough passphrase", "another passphrase").statusCode()).isEqualTo(422);

    HttpResponse<String> accepted = choose(browser, token, "long enough passphrase", "long enough passphrase");
    assertThat(accepted.statusCode()).isEqualTo(303);
    assertThat(accepted.headers().firstValue("Location")).hasValue("/login?invited");

    String dana = basic(email, "long enough passphrase");
    assertThat(getAs(dana, "/api/inbox?business=cool-air").statusCode()).isEqualTo(200);
    assertThat(getAs(dana, "/api/inbox?business=demo-plumbing").statusCode()).isEqualTo(404);
    assertThat(getAs(basic(email, "wrong passphrase!!"), "/api/inbox?business=cool-air").statusCode()).isEqualTo(401);
    String stored = jdbc.sql("select password_hash from console_user where username = :u").param("u", email)
        .query(String.class).single();
    assertThat(stored).startsWith("{bcrypt}").doesNotContain("long enough passphrase");

    // once only
    HttpClient other = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    assertThat(other.send(HttpRequest.newBuilder(URI.create(base() + "/invite/" + token)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(410);
    // the used link's page carries no form, so no CSRF token either: the post is refused before it is read
    assertThat(choose(other, token, "a takeover passphrase", "a takeover passphrase").statusCode()).isIn(403, 410);
    assertThat(choose(browser, token, "a takeover passphrase", "a takeover passphrase").statusCode())
        .as("with the first session's token").isIn(403, 410);
    assertThat(getAs(dana, "/api/inbox?business=cool-air").statusCode()).as("the first password still holds").isEqualTo(200);
  }

  HttpResponse<String> getAs(String auth, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", auth).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anExpiredOrUnknownLink_isGone_andBadInvitesAreRefusedWithTheReason() throws Exception {
    String token = tokenOf(api("POST", "/api/users/invites", "{\"email\":\"late" + System.nanoTime() + "@example.com\",\"role\":\"ADMIN\"}"));
    jdbc.sql("update user_invite set expires_at = now() - interval '1 minute' where token_hash = :h")
        .param("h", ConsoleUsers.hash(token)).update();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    assertThat(browser.send(HttpRequest.newBuilder(URI.create(base() + "/invite/" + token)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(410);
    assertThat(browser.send(HttpRequest.newBuilder(URI.create(base() + "/invite/not-a-token")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(410);
    assertThat(jdbc.sql("select count(*) from user_invite where token_hash = :t").param("t", token).query(Long.class).single())
        .as("the token itself is never stored").isZero();

    assertThat(api("POST", "/api/users/invites", "{\"email\":\"not an email\",\"role\":\"ADMIN\"}").statusCode()).isEqualTo(422);
    assertThat(api("POST", "/api/users/invites", "{\"email\":\"m@example.com\",\"role\":\"MEMBER\"}").body()).contains("needs businesses");
    assertThat(api("POST", "/api/users/invites", "{\"email\":\"m@example.com\",\"role\":\"MEMBER\",\"businesses\":[\"nobody\"]}")
        .statusCode()).isEqualTo(422);
    assertThat(api("POST", "/api/users/invites", "{\"email\":\"m@example.com\",\"role\":\"OWNER\"}").statusCode()).isEqualTo(422);
  }
}
