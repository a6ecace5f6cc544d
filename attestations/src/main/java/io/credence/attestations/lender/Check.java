package io.credence.attestations.lender;

/** The checks a lender's verification runs, in order. */
public enum Check {
  /**
   * The issuer signature recovers the attestation's issuer (ECDSA, offline), or — for a contract
   * issuer — its ERC-1271 {@code isValidSignature} accepts it on the policy's registry chain.
   */
  ISSUER_SIGNATURE,
  /** The issuer is trusted: in the policy's allow-list, or holds ISSUER_ROLE on the registry. */
  ISSUER_ALLOWED,
  /** Now is before {@code expiresAt} (and not before {@code issuedAt}). */
  NOT_EXPIRED,
  /** keccak-256 of the proof equals the attestation's {@code proofHash}. */
  PROOF_HASH,
  /** The range proof verifies against the commitment and statement (zk module's verifier). */
  RANGE_PROOF,
  /** The statement implies score ≥ the policy's minimum score. */
  MIN_SCORE,
  /**
   * The registry holds the attestation, minted and valid (not revoked, not expired, issuer key not
   * suspended for it), and no revocation source records a revocation of it or a suspension of its
   * issuer key that covers it.
   */
  ON_CHAIN_STATUS;

  /** kebab-case name used by the CLI and its JSON. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
