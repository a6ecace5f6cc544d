/** Planned: the compliance officer's audit, re-verification and model views. */
@ApplicationModule(
    displayName = "Compliance",
    allowedDependencies = {"platform", "audit", "scoring", "attestation"})
package io.credence.compliance;

import org.springframework.modulith.ApplicationModule;
