package io.credence.attestation;

import java.util.List;

/**
 * A compliance re-verification of a stored attestation: every check with its outcome.
 *
 * @param valid true when no check failed
 */
public record Reverification(AttestationUid uid, boolean valid, List<Check> checks) {

  public Reverification {
    checks = List.copyOf(checks);
  }

  /**
   * @param name e.g. {@code issuer-signature}, {@code proof-hash}, {@code range-proof}
   * @param outcome {@code PASS}, {@code FAIL} or {@code SKIPPED}
   */
  public record Check(String name, String outcome, String detail) {}
}
