package io.credence.lender.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a verification: the verdict and every check with its reason, and the public fields
 * of the attestation. Holds nothing a lender may not learn: no recipient, no score, no wallet of
 * the borrower.
 *
 * @param verificationId where it is kept (a signed-in lender finds it in their history)
 * @param valid true when no check failed
 * @param attestation the public fields the verdict is about
 * @param policy the policy as applied (server defaults filled in)
 * @param checks every check, in order
 */
public record VerificationResult(
    UUID verificationId,
    Instant verifiedAt,
    String uid,
    boolean valid,
    PublicAttestation attestation,
    AppliedPolicy policy,
    List<CheckView> checks) {

  public VerificationResult {
    checks = List.copyOf(checks);
  }

  /**
   * @param group what the issue calls the check: signature, issuer, expiry, proof, on-chain, policy
   * @param check the check's label, e.g. {@code range-proof}
   * @param outcome PASS, FAIL or SKIPPED (not asked for by the policy)
   */
  public record CheckView(String group, String check, String outcome, String detail) {}

  /**
   * The statement as attested: a threshold {@code t} or a band {@code lo..hi} (with its band name
   * when it is exactly one of the bands).
   */
  public record StatementView(String kind, Integer t, Integer lo, Integer hi, String band) {}

  /** What anyone holding the package can read in it, minus the presentation address. */
  public record PublicAttestation(
      String issuer,
      StatementView statement,
      String modelId,
      Instant issuedAt,
      Instant expiresAt) {}

  public record AppliedPolicy(
      Integer minScore,
      String minBand,
      Integer maxAgeDays,
      List<String> issuers,
      String issuerSource,
      Long chainId,
      List<Long> revocationChains) {}
}
