package io.credence.attestation;

import java.util.List;
import java.util.Map;

/**
 * A freshly issued attestation and, per chain, the EIP-712 {@code MintConsent} the recipient signs
 * (an {@code eth_signTypedData_v4} payload).
 */
public record IssuedAttestation(AttestationUid uid, List<MintConsentRequest> consents) {

  public IssuedAttestation {
    consents = List.copyOf(consents);
  }

  /**
   * @param typedData {@code domain}, {@code types}, {@code primaryType}, {@code message}
   */
  public record MintConsentRequest(long chainId, String registry, Map<String, Object> typedData) {}
}
