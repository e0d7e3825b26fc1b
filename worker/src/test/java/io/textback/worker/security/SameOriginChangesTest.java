package io.textback.worker.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.textback.worker.support.WorkerIntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A page on another port of the same host cannot act with the admin's console session. */
class SameOriginChangesTest extends WorkerIntegrationTest {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  /** A browser's session: logged in through the login form, cookie kept. */
  HttpClient loggedIn() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String page = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
    assertThat(token.find()).as("the login form's CSRF token").isTrue();
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + ADMIN + "&password=" + ADMIN_PASSWORD + "&_csrf="
            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
    return browser;
  }

  String base() {
    return "http://localhost:" + port;
  }

  HttpResponse<String> post(HttpClient browser, String path, String origin) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"hello\"}"));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aChangeWithTheSessionFromAnotherOrigin_isRefused_andTheSessionLivesOn() throws Exception {
    HttpClient browser = loggedIn();
    String reply = "/api/conversations/" + URLEncoder.encode("demo-plumbing:" + newCaller(), StandardCharsets.UTF_8) + "/replies";

    HttpResponse<String> sibling = post(browser, reply, "http://localhost:" + (port + 1));
    HttpResponse<String> unnamed = post(browser, reply, null);
    HttpResponse<String> logout = post(browser, "/logout", "http://localhost:" + (port + 1));
    HttpResponse<String> own = post(browser, reply, base());

    assertThat(sibling.statusCode()).isEqualTo(403);
    assertThat(sibling.body()).contains("must come from the console itself");
    assertThat(unnamed.statusCode()).isEqualTo(403);
    assertThat(logout.statusCode()).isEqualTo(403);
    assertThat(own.statusCode()).as("from the console: on to the API (no open conversation)").isEqualTo(404);
    assertThat(browser.send(HttpRequest.newBuilder(URI.create(base() + "/api/businesses")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).as("still logged in").isEqualTo(200);
  }

  @Test
  void scriptsWithHttpBasic_needNoOrigin() throws Exception {
    HttpResponse<String> script = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base()
            + "/api/conversations/" + URLEncoder.encode("demo-plumbing:" + newCaller(), StandardCharsets.UTF_8) + "/replies"))
        .header("Content-Type", "application/json").header("Authorization", ADMIN_AUTH)
        .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"hello\"}")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(script.statusCode()).isEqualTo(404);
  }
}
