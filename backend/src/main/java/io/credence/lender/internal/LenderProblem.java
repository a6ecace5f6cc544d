package io.credence.lender.internal;

import io.credence.platform.ApiProblemException;
import org.springframework.http.HttpStatus;

/** A verification request the server refuses before verifying anything; nothing is recorded. */
public final class LenderProblem extends ApiProblemException {

  private static final long serialVersionUID = 1L;

  private LenderProblem(HttpStatus status, String slug, String title, String detail) {
    super(status, slug, title, detail);
  }

  /** The package is not a credential package (the parser's reason names no input). */
  static LenderProblem malformedPackage(String reason) {
    return new LenderProblem(
        HttpStatus.BAD_REQUEST,
        "malformed-package",
        "Malformed credential package",
        "the package is not a usable credential package: " + reason);
  }

  /** The package carries the borrower's secret opening: it would tell the score. */
  static LenderProblem containsOpening() {
    return new LenderProblem(
        HttpStatus.BAD_REQUEST,
        "package-contains-opening",
        "Package contains the secret opening",
        "a package shown to a lender must not contain the opening (it reveals the score);"
            + " send the package without its opening field");
  }

  static LenderProblem unknownChain() {
    return new LenderProblem(
        HttpStatus.BAD_REQUEST,
        "unknown-chain",
        "Unknown chain",
        "policy.chainId is not a configured chain with a Credence registry (GET /api/v1/chains)");
  }

  static LenderProblem attestationNotFound() {
    return new LenderProblem(
        HttpStatus.NOT_FOUND,
        "attestation-not-found",
        "Attestation not found",
        "no attestation with this uid was issued here");
  }

  static LenderProblem unknownBand() {
    return new LenderProblem(
        HttpStatus.BAD_REQUEST,
        "invalid-request",
        "Invalid request",
        "policy.minBand must be one of the bands A, B, C, D");
  }
}
