package io.textback.worker.consent;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Consent records as CSV (RFC 4180). The words come from outside (a form's fields, a lead's text):
 * a cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe instead.
 */
final class ConsentCsv {
  static final String HEADER = "business,phone,source,reference,given_at,words,page,consent_field";

  private ConsentCsv() {}

  static String row(String businessId, ConsentEvidence.LeadConsent c) {
    ConsentRecord r = c.record();
    return Stream.of(businessId, c.phone(), r.source(), r.reference(), r.givenAt().toString(), r.words(), r.page(),
        r.consentField()).map(ConsentCsv::cell).collect(Collectors.joining(","));
  }

  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("\\+\\d+") ? "'" + value : value;
    return v.matches("(?s).*[\",\r\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
