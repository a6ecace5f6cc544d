/**
 * The hash-chained, append-only audit log. It listens to the other modules' events and is never
 * called to record them; {@link io.credence.audit.AuditLog} offers reading and chain verification.
 */
@ApplicationModule(
    displayName = "Audit",
    allowedDependencies = {"platform", "auth", "borrower", "scoring", "attestation", "lender"})
package io.credence.audit;

import org.springframework.modulith.ApplicationModule;
