/**
 * Lending history read from chain events per linked wallet: chains and markets from configuration
 * ({@code credence.chains}), Aave v3 and Compound v3 events by their real signatures, resumable and
 * reorg-aware ingestion, and the normalised history the scoring model reads.
 */
@ApplicationModule(
    displayName = "History",
    allowedDependencies = {"platform", "borrower", "auth"})
package io.credence.history;

import org.springframework.modulith.ApplicationModule;
