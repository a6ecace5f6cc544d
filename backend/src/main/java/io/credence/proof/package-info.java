/**
 * Score commitments and range proofs (issue 11).
 *
 * <p>Public API, implemented: {@link io.credence.proof.ScoreProofs}: a Pedersen commitment to a
 * score with a fresh blinding, whether a score satisfies a statement, and the issuer's prove-and-
 * sign step ({@link io.credence.proof.ScoreProofs#prove}) that binds the range proof to the
 * attestation it backs (zk and attestations modules do the maths).
 */
@ApplicationModule(
    displayName = "Proof",
    allowedDependencies = {"platform", "scoring"})
package io.credence.proof;

import org.springframework.modulith.ApplicationModule;
