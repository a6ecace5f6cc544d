package io.credence.compliance.internal;

import io.credence.platform.ApiProblemException;
import org.springframework.http.HttpStatus;

/** A compliance request refused before anything is read. */
public final class ComplianceProblem extends ApiProblemException {

  private static final long serialVersionUID = 1L;

  private ComplianceProblem(HttpStatus status, String slug, String title, String detail) {
    super(status, slug, title, detail);
  }

  /** A filter parameter is malformed; the detail names the parameter, never its value. */
  public static ComplianceProblem invalidParameter(String name, String expected) {
    return new ComplianceProblem(
        HttpStatus.BAD_REQUEST,
        "invalid-request",
        "Invalid request",
        name + " must be " + expected);
  }

  public static ComplianceProblem attestationNotFound() {
    return new ComplianceProblem(
        HttpStatus.NOT_FOUND,
        "attestation-not-found",
        "Attestation not found",
        "no attestation with this uid was issued here");
  }
}
