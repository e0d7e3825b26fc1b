package io.textback.connector.twilio.twiml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class TwiMLTest {
  @Test
  void dialIsWellFormedAndEscapesValues() throws Exception {
    String xml = TwiML.response().dial("+15550100001", 19, "https://x.test/dial?a=1&b=2").toXml();

    Element dial = (Element) parse(xml).getElementsByTagName("Dial").item(0);
    assertThat(dial.getAttribute("timeout")).isEqualTo("19");
    assertThat(dial.getAttribute("action")).isEqualTo("https://x.test/dial?a=1&b=2");
    assertThat(dial.getTextContent()).isEqualTo("+15550100001");
  }

  @Test
  void greetingAndRecordPointBackToUs() throws Exception {
    String xml = TwiML.response().say("Bob's <Plumbing> & \"Heating\"")
        .record("https://x.test/rec", "https://x.test/rec", 120).toXml();

    var doc = parse(xml);
    assertThat(doc.getElementsByTagName("Say").item(0).getTextContent()).isEqualTo("Bob's <Plumbing> & \"Heating\"");
    Element record = (Element) doc.getElementsByTagName("Record").item(0);
    assertThat(record.getAttribute("recordingStatusCallback")).isEqualTo("https://x.test/rec");
    assertThat(record.getAttribute("recordingStatusCallbackEvent")).isEqualTo("completed absent");
  }

  @Test
  void ringCountBecomesADialTimeoutBelowTheCarrierVoicemail() {
    assertThat(TwiML.dialTimeoutForRings(4)).isEqualTo(19);
    assertThat(TwiML.dialTimeoutForRings(0)).isEqualTo(5);
  }

  static org.w3c.dom.Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
