package io.credence.attestation;

import io.credence.borrower.ProfileId;
import io.credence.scoring.ScoreId;
import java.util.List;

/**
 * What the attestation module announces. Ids only: no score, opening or wallet. {@link Issued},
 * {@link Consented} and {@link Revoked} are published inside the transaction that stores the
 * change; {@link Minted}, {@link MintFailed} and {@link RevocationRelayed} by the outbox when the
 * chain answered.
 */
public final class AttestationEvents {

  private AttestationEvents() {}

  /** Issued (scored, committed, proven, signed and stored). */
  public record Issued(
      AttestationUid uid,
      ProfileId profile,
      ScoreId scoreId,
      String modelId,
      String statementKind,
      List<Long> chainIds) {
    public Issued {
      chainIds = List.copyOf(chainIds);
    }
  }

  /** The recipient's mint consent for one chain was accepted; the mint is queued. */
  public record Consented(AttestationUid uid, ProfileId profile, long chainId) {}

  /** Minted on a chain (receipt with the chain's confirmations). */
  public record Minted(AttestationUid uid, long chainId, String txHash, long block) {}

  /** The registry refused the mint for good. */
  public record MintFailed(AttestationUid uid, long chainId, String reason) {}

  /** Revoked by the issuer (signed; relayed to every chain by the outbox). */
  public record Revoked(
      AttestationUid uid,
      ProfileId profile,
      StoredAttestation.RevocationReason reason,
      AttestationUid supersededBy) {}

  /** A revocation was recorded on a chain's registry. */
  public record RevocationRelayed(AttestationUid uid, long chainId, String txHash) {}
}
