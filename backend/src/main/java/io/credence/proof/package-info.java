/** Planned: score commitments and range proofs (the issuance-pipeline issue). */
@ApplicationModule(
    displayName = "Proof",
    allowedDependencies = {"platform", "scoring"})
package io.credence.proof;

import org.springframework.modulith.ApplicationModule;
