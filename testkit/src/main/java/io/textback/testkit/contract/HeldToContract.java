package io.textback.testkit.contract;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a WireMock fake to a vendor's contract, both ways: a request outside the contract is
 * answered as the vendor would refuse it (404 unknown operation or version, 401 credentials, 400 a
 * missing, undocumented or mistyped field) and recorded, so the test that sent it fails; and a
 * success the fake answers with another status than the vendor's is recorded as the fake's fault.
 */
public final class HeldToContract implements RequestFilterV2, ServeEventListener {
  private static final Logger LOG = LoggerFactory.getLogger(HeldToContract.class);
  private final VendorContract contract;
  private final FakeCredentials credentials;

  public HeldToContract(VendorContract contract, FakeCredentials credentials) {
    this.contract = contract;
    this.credentials = credentials;
  }

  @Override
  public String getName() {
    return "held-to-" + contract.vendor().toLowerCase(java.util.Locale.ROOT) + "-contract";
  }

  @Override
  public boolean applyToAdmin() {
    return false;
  }

  @Override
  public boolean applyToStubs() {
    return true;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    ContractRequest read;
    try {
      read = read(request);
    } catch (IllegalArgumentException e) {
      return refuse(new ContractViolation(contract.vendor(), request.getMethod() + " " + request.getUrl(), null, 400, null,
          "the request's URL or form encoding is malformed: " + e.getMessage()));
    }
    var verdict = contract.check(read, credentials);
    if (verdict.violation().isEmpty()) {
      return RequestFilterAction.continueWith(request);
    }
    ContractViolation v = verdict.violation().get();
    if (!v.refused()) {
      ContractViolations.record(v);
      LOG.warn("{}", v.describe());
      return RequestFilterAction.continueWith(request);
    }
    return refuse(v);
  }

  private RequestFilterAction refuse(ContractViolation v) {
    ContractViolations.record(v);
    LOG.warn("{}", v.describe());
    return RequestFilterAction.stopWith(new ResponseDefinitionBuilder().withStatus(v.status())
        .withHeader("Content-Type", "application/json").withBody(contract.errorBody(v)).build());
  }

  /**
   * A fake that answers a good request with a 2xx other than the vendor's is itself wrong. Checked
   * before the answer goes out, so the record is there before the test reads the answer.
   */
  @Override
  public void beforeResponseSent(ServeEvent event, Parameters parameters) {
    if (event.getResponse() == null) {
      return;
    }
    int status = event.getResponse().getStatus();
    if (status < 200 || status > 299) {
      return;
    }
    // The request passed the filter: only its operation is looked up again, not checked again.
    String path = URI.create(event.getRequest().getUrl()).getRawPath();
    String method = event.getRequest().getMethod().getName();
    contract.operationOf(method, path).filter(op -> op.success() != status).ifPresent(op -> {
      ContractViolation v = new ContractViolation(contract.vendor(), method + " " + path, op.id(), status, null,
          "the fake answered " + status + " where " + contract.vendor() + " answers " + op.success());
      ContractViolations.record(v);
      LOG.warn("{}", v.describe());
    });
  }

  static ContractRequest read(Request request) {
    URI uri = URI.create(request.getUrl());
    String contentType = request.contentTypeHeader() == null || !request.contentTypeHeader().isPresent() ? ""
        : request.contentTypeHeader().firstValue();
    String body = request.getBodyAsString();
    Map<String, List<String>> form = contentType.startsWith("application/x-www-form-urlencoded") ? decode(body) : null;
    HttpHeader auth = request.header("Authorization");
    Map<String, String> headers = new java.util.HashMap<>();
    request.getHeaders().all().forEach(h -> headers.putIfAbsent(h.key().toLowerCase(java.util.Locale.ROOT), h.firstValue()));
    return new ContractRequest(request.getMethod().getName(), uri.getRawPath(), decode(uri.getRawQuery()), form, body,
        auth != null && auth.isPresent() ? auth.firstValue() : null, headers);
  }

  private static Map<String, List<String>> decode(String encoded) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return params;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }
}
