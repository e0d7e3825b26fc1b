package io.textback.connector.gohighlevel.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HighLevelSignatureTest {
  static final byte[] BODY = "{\"type\":\"OpportunityStageUpdate\",\"locationId\":\"loc-1\"}".getBytes(StandardCharsets.UTF_8);

  static KeyPair pair(String algorithm) throws Exception {
    return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
  }

  static String spki(KeyPair pair) {
    return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
  }

  @Test
  void theKeyHighLevelPublishes_isARsaKeyTextbackCanUse() {
    new HighLevelSignature(HighLevelSignature.PUBLISHED_RSA_KEY, null);
  }

  @Test
  void anRsaSignatureOverTheRawBody_isAccepted_andOverAnyOtherBodyRefused() throws Exception {
    KeyPair rsa = pair("RSA");
    HighLevelSignature signature = new HighLevelSignature(spki(rsa), null);
    String signed = HighLevelSignature.sign(rsa.getPrivate(), BODY);

    assertThat(signature.problem(BODY, null, signed)).isEmpty();
    assertThat(signature.problem("{\"type\":\"OpportunityStageUpdate\", \"locationId\":\"loc-1\"}"
        .getBytes(StandardCharsets.UTF_8), null, signed)).contains("x-wh-signature does not match the body");
  }

  @Test
  void anEd25519Signature_isVerifiedFirst_whenItsKeyIsSet() throws Exception {
    KeyPair rsa = pair("RSA");
    KeyPair ed = pair("Ed25519");
    HighLevelSignature signature = new HighLevelSignature(spki(rsa), spki(ed));

    assertThat(signature.problem(BODY, HighLevelSignature.sign(ed.getPrivate(), BODY), null)).isEmpty();
    assertThat(signature.problem(BODY, HighLevelSignature.sign(pair("Ed25519").getPrivate(), BODY),
        HighLevelSignature.sign(rsa.getPrivate(), BODY))).as("a bad Ed25519 signature is not saved by the RSA one")
        .contains("x-ghl-signature does not match the body");
  }

  @Test
  void unsignedOrEd25519WithoutItsKey_isRefusedSayingWhy() throws Exception {
    HighLevelSignature signature = new HighLevelSignature(spki(pair("RSA")), null);

    assertThat(signature.problem(BODY, null, null)).get().asString().contains("not signed by HighLevel");
    assertThat(signature.problem(BODY, "c2ln", null)).get().asString().contains("webhook-public-key");
  }
}
