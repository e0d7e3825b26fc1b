package io.textback.local;

import io.textback.worker.form.FormSignature;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** A web form for the demo business, signed with its form secret: what a website's form handler posts. */
final class DemoForm {
  private DemoForm() {}

  static HttpRequest post(String workerUrl, String submissionId, String phone) {
    String body = "{\"submissionId\":\"" + submissionId + "\",\"name\":\"Ann Lee\",\"phone\":\"" + phone
        + "\",\"message\":\"Water heater leaking\",\"consent\":true}";
    return HttpRequest.newBuilder(URI.create(workerUrl + "/webhooks/forms/" + LocalStack.DEMO_BUSINESS))
        .header("Content-Type", "application/json")
        .header(FormSignature.HEADER, FormSignature.sign(LocalStack.DEMO_FORM_SECRET, body.getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }
}
