package io.credence.attestation.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Signing keys from configuration; their {@code toString} never shows them. */
final class KeyProperties {

  private KeyProperties() {}

  /** {@code credence.issuer.key}: the issuer's secp256k1 key (hex), which signs attestations. */
  @ConfigurationProperties("credence.issuer")
  record Issuer(String key) {
    @Override
    public String toString() {
      return "Issuer[key=" + (key == null ? "absent" : "[secret]") + "]";
    }
  }

  /** {@code credence.relayer.key}: the key that sends mint and revocation transactions (gas). */
  @ConfigurationProperties("credence.relayer")
  record Relayer(String key) {
    @Override
    public String toString() {
      return "Relayer[key=" + (key == null ? "absent" : "[secret]") + "]";
    }
  }
}
