package io.textback.testkit.contract;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Sends a request exactly as written to a fake, so a test can send what textback must never send. */
final class RawRequests {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private RawRequests() {}

  record Answer(int status, String body) {}

  static Answer send(String baseUrl, String method, String pathAndQuery, String contentType, String body,
      String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }

  static String basic(String user, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }
}
