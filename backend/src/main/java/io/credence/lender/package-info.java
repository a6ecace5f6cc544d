/** Planned: lender verification and policies (the issuance-pipeline issue). */
@ApplicationModule(
    displayName = "Lender",
    allowedDependencies = {"platform", "attestation"})
package io.credence.lender;

import org.springframework.modulith.ApplicationModule;
