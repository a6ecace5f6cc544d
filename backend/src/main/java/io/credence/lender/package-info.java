/**
 * Lenders (issue 11): public verification of credential packages against a policy ({@code POST
 * /api/v1/verify}), each verification audited and kept in the signed-in lender's history, and the
 * public view of an attestation. Lenders learn the attested statement and nothing else: never the
 * score, the borrower's wallets or history.
 */
@ApplicationModule(
    displayName = "Lender",
    allowedDependencies = {"platform", "attestation", "history"})
package io.credence.lender;

import org.springframework.modulith.ApplicationModule;
