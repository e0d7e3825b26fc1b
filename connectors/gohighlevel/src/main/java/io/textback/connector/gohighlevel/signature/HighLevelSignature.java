package io.textback.connector.gohighlevel.signature;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * HighLevel's webhook signatures over the raw body: {@code x-wh-signature}, base64 RSA-SHA256
 * (PKCS#1 v1.5) with the key HighLevel publishes in docs/oauth/WebhookAuthentication.md
 * (GoHighLevel/highlevel-api-docs 0af86a4), and {@code x-ghl-signature}, base64 Ed25519, the scheme
 * HighLevel's SDK verifies first when present (shared/reference/gohighlevel.md §7). The raw bytes are
 * verified, never a re-serialised body.
 */
public final class HighLevelSignature {
  public static final String RSA_HEADER = "x-wh-signature";
  public static final String ED25519_HEADER = "x-ghl-signature";
  /** HighLevel's published RSA key for x-wh-signature (WebhookAuthentication.md, "Verifying the Signature"). */
  public static final String PUBLISHED_RSA_KEY = """
      MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAokvo/r9tVgcfZ5DysOSC
      Frm602qYV0MaAiNnX9O8KxMbiyRKWeL9JpCpVpt4XHIcBOK4u3cLSqJGOLaPuXw6
      dO0t6Q/ZVdAV5Phz+ZtzPL16iCGeK9po6D6JHBpbi989mmzMryUnQJezlYJ3DVfB
      csedpinheNnyYeFXolrJvcsjDtfAeRx5ByHQmTnSdFUzuAnC9/GepgLT9SM4nCpv
      uxmZMxrJt5Rw+VUaQ9B8JSvbMPpez4peKaJPZHBbU3OdeCVx5klVXXZQGNHOs8gF
      3kvoV5rTnXV0IknLBXlcKKAQLZcY/Q9rG6Ifi9c+5vqlvHPCUJFT5XUGG5RKgOKU
      J062fRtN+rLYZUV+BjafxQauvC8wSWeYja63VSUruvmNj8xkx2zE/Juc+yjLjTXp
      IocmaiFeAO6fUtNjDeFVkhf5LNb59vECyrHD2SQIrhgXpO4Q3dVNA5rw576PwTzN
      h/AMfHKIjE4xQA1SZuYJmNnmVZLIZBlQAF9Ntd03rfadZ+yDiOXCCs9FkHibELhC
      HULgCsnuDJHcrGNd5/Ddm5hxGQ0ASitgHeMZ0kcIOwKDOzOU53lDza6/Y09T7sYJ
      PQe7z0cvj7aE4B+Ax1ZoZGPzpJlZtGXCsu9aTEGEnKzmsFqwcSsnw3JB31IGKAyk
      T1hhTiaCeIY/OwwwNUY2yvcCAwEAAQ==""";

  private final PublicKey rsa;
  private final PublicKey ed25519;

  /**
   * @param rsaKey the x-wh-signature key (base64 SPKI or PEM)
   * @param ed25519Key the x-ghl-signature key (base64 SPKI or PEM), or null when not configured
   */
  public HighLevelSignature(String rsaKey, String ed25519Key) {
    this.rsa = key("RSA", rsaKey);
    this.ed25519 = ed25519Key == null || ed25519Key.isBlank() ? null : key("Ed25519", ed25519Key);
  }

  /** Empty when the body is signed by HighLevel; else why not, for the 401. */
  public Optional<String> problem(byte[] body, String ed25519Signature, String rsaSignature) {
    if (ed25519Signature != null && !ed25519Signature.isBlank() && ed25519 != null) {
      return verifies("Ed25519", ed25519, body, ed25519Signature) ? Optional.empty()
          : Optional.of(ED25519_HEADER + " does not match the body");
    }
    if (rsaSignature != null && !rsaSignature.isBlank()) {
      return verifies("SHA256withRSA", rsa, body, rsaSignature) ? Optional.empty()
          : Optional.of(RSA_HEADER + " does not match the body");
    }
    if (ed25519Signature != null && !ed25519Signature.isBlank()) {
      return Optional.of(ED25519_HEADER + " came without " + RSA_HEADER
          + ", and textback.gohighlevel.webhook-public-key (HighLevel's Ed25519 key) is not set");
    }
    return Optional.of("no " + ED25519_HEADER + " or " + RSA_HEADER + " header: not signed by HighLevel");
  }

  private static boolean verifies(String algorithm, PublicKey key, byte[] body, String signature) {
    try {
      Signature s = Signature.getInstance(algorithm);
      s.initVerify(key);
      s.update(body);
      return s.verify(Base64.getDecoder().decode(signature.trim()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static PublicKey key(String algorithm, String text) {
    String base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a " + algorithm + " public key (base64 SPKI or PEM): " + e.getMessage(), e);
    }
  }

  /** Signs as HighLevel would, for tests and the local simulator (never used to accept anything). */
  public static String sign(java.security.PrivateKey key, byte[] body) {
    try {
      Signature s = Signature.getInstance(key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "Ed25519");
      s.initSign(key);
      s.update(body);
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
