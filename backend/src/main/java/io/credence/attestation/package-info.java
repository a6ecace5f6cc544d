/**
 * Signed attestations and the mint and revocation outbox (issue 11).
 *
 * <p>Public API, implemented: {@link io.credence.attestation.Attestations} (request an attestation:
 * score, commit, prove, sign, store; record a mint consent; the borrower's list, status per chain,
 * credential package without the opening, the opening itself; revoke; re-verify a stored
 * attestation for compliance; look up any attestation by uid), the stored view {@link
 * io.credence.attestation.StoredAttestation} with {@link io.credence.attestation.ChainStatus} per
 * chain, the request/response records {@link io.credence.attestation.AttestationRequest} and {@link
 * io.credence.attestation.IssuedAttestation}, the re-verification report {@link
 * io.credence.attestation.Reverification}, the events {@link
 * io.credence.attestation.AttestationEvents} (issued, consented, minted, mint failed, revoked,
 * revocation relayed; ids only, never a score) and the refusals {@link
 * io.credence.attestation.AttestationException}. The REST endpoints live in {@code web}; the outbox
 * (db-scheduler), the keys and the encrypted openings in {@code internal}.
 */
@ApplicationModule(
    displayName = "Attestation",
    allowedDependencies = {"platform", "borrower", "scoring", "proof"})
package io.credence.attestation;

import org.springframework.modulith.ApplicationModule;
