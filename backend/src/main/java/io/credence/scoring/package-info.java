/** Planned: scores from synced history with the registered model (the issuance-pipeline issue). */
@ApplicationModule(
    displayName = "Scoring",
    allowedDependencies = {"platform", "borrower", "history"})
package io.credence.scoring;

import org.springframework.modulith.ApplicationModule;
