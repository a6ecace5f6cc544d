/**
 * Compliance (issue 11): the audit log filtered, paged and exported (CSV, JSON), its integrity
 * (hash chain and on-chain anchors), re-verification of stored attestations and the model
 * registry's versions. Every endpoint needs a wallet configured as a compliance officer.
 */
@ApplicationModule(
    displayName = "Compliance",
    allowedDependencies = {"platform", "audit", "scoring", "attestation", "borrower"})
package io.credence.compliance;

import org.springframework.modulith.ApplicationModule;
