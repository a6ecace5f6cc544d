package io.credence.attestation;

import io.credence.attestations.CredentialPackage;
import io.credence.borrower.ProfileId;
import io.credence.scoring.ScoreId;
import java.time.Instant;
import java.util.List;

/**
 * An issued attestation as the issuer stored it.
 *
 * @param credential the credential package a lender receives: never the opening
 * @param owner the borrower profile it was issued to
 * @param scoreId the score run it commits to
 * @param revokedAt null unless revoked
 * @param revocationReason null unless revoked
 * @param supersededBy the newer attestation that superseded it, or null
 * @param chains status per chain
 */
public record StoredAttestation(
    AttestationUid uid,
    CredentialPackage credential,
    ProfileId owner,
    ScoreId scoreId,
    String modelId,
    Instant issuedAt,
    Instant expiresAt,
    Instant revokedAt,
    RevocationReason revocationReason,
    AttestationUid supersededBy,
    List<ChainStatus> chains) {

  public StoredAttestation {
    chains = List.copyOf(chains);
  }

  /** Why an attestation was revoked. */
  public enum RevocationReason {
    /** The borrower revoked it. */
    BORROWER,
    /** A newer score (e.g. after a synced liquidation) makes the statement false. */
    SCORE_CHANGED,
    /** A newer attestation of the same borrower claims less. */
    SUPERSEDED
  }
}
