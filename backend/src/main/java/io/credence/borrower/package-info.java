/**
 * Borrower profiles, their linked wallets and sessions. Publishes {@link
 * io.credence.borrower.BorrowerEvents} for the other modules; {@link
 * io.credence.borrower.Borrowers} is its API.
 */
@ApplicationModule(
    displayName = "Borrower",
    allowedDependencies = {"platform", "auth"})
package io.credence.borrower;

import org.springframework.modulith.ApplicationModule;
