/** Planned: signed attestations, the mint and revocation outbox (the issuance-pipeline issue). */
@ApplicationModule(
    displayName = "Attestation",
    allowedDependencies = {"platform", "borrower", "scoring", "proof"})
package io.credence.attestation;

import org.springframework.modulith.ApplicationModule;
