package io.credence.attestation;

import io.credence.attestation.internal.Issuance;
import io.credence.attestations.CredentialPackage;
import io.credence.borrower.ProfileId;
import io.credence.zk.Opening;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Issuing, minting and revoking attestations. Borrower-facing methods take the caller's profile and
 * answer {@link AttestationException.Reason#NOT_FOUND} for another borrower's uid (never
 * "forbidden", so uids cannot be probed). Nothing here talks to a chain while holding a database
 * transaction: mints and revocations go through the outbox.
 */
@Service
public class Attestations {

  private final Issuance issuance;

  Attestations(Issuance issuance) {
    this.issuance = issuance;
  }

  /**
   * Scores the borrower now, commits to the score, proves the statement, signs and stores the
   * attestation; returns its uid and per chain the consent to sign.
   *
   * @throws AttestationException {@code STATEMENT_NOT_SATISFIED} (never naming the score), {@code
   *     INSUFFICIENT_HISTORY}, {@code INVALID_REQUEST}, {@code UNSUPPORTED_CHAIN}, {@code
   *     ISSUER_UNAVAILABLE}
   */
  public IssuedAttestation request(ProfileId profile, AttestationRequest request) {
    return issuance.request(profile, request);
  }

  /**
   * Records the recipient's EIP-712 {@code MintConsent} for one chain and queues the mint.
   *
   * @throws AttestationException {@code NOT_FOUND}, {@code UNSUPPORTED_CHAIN} (not a chain of this
   *     attestation), {@code INVALID_CONSENT} (not the recipient's signature for this uid, chain
   *     and registry), {@code ALREADY_REVOKED}
   */
  public StoredAttestation consent(
      ProfileId profile, AttestationUid uid, long chainId, String signature) {
    return issuance.consent(profile, uid, chainId, signature);
  }

  /** The borrower's attestations, newest first. */
  public List<StoredAttestation> list(ProfileId profile) {
    return issuance.list(profile);
  }

  /**
   * One of the borrower's attestations.
   *
   * @throws AttestationException {@code NOT_FOUND} if unknown or another borrower's
   */
  public StoredAttestation get(ProfileId profile, AttestationUid uid) {
    return issuance.get(profile, uid);
  }

  /** Any stored attestation (for lender and compliance views; includes the owner). */
  public Optional<StoredAttestation> find(AttestationUid uid) {
    return issuance.find(uid);
  }

  /** The credential package a lender receives (no opening), of any stored attestation. */
  public Optional<CredentialPackage> credentialPackage(AttestationUid uid) {
    return issuance.find(uid).map(StoredAttestation::credential);
  }

  /**
   * The commitment opening (score and blinding), decrypted for its owner only.
   *
   * @throws AttestationException {@code NOT_FOUND} if unknown or another borrower's
   */
  public Opening opening(ProfileId profile, AttestationUid uid) {
    return issuance.opening(profile, uid);
  }

  /**
   * Revokes one of the borrower's attestations; the signed revocation is relayed to every
   * configured chain. Revoking a revoked attestation changes nothing.
   *
   * @throws AttestationException {@code NOT_FOUND} if unknown or another borrower's
   */
  public StoredAttestation revoke(ProfileId profile, AttestationUid uid) {
    return issuance.revokeByBorrower(profile, uid);
  }

  /**
   * Re-verifies a stored attestation offline: issuer signature, issuer, expiry, proof hash, range
   * proof.
   */
  public Optional<Reverification> reverify(AttestationUid uid) {
    return issuance.reverify(uid);
  }

  /** The issuer's address, or empty when no issuer key is configured. */
  public Optional<String> issuerAddress() {
    return issuance.issuerAddress();
  }
}
