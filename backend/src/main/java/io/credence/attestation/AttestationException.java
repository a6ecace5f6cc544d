package io.credence.attestation;

import io.credence.platform.ApiProblemException;
import org.springframework.http.HttpStatus;

/** A refused attestation request; its message is shown to the caller and names no secret. */
public final class AttestationException extends ApiProblemException {

  private static final long serialVersionUID = 1L;

  /** Why, with its HTTP status and problem slug (docs/api.md). */
  public enum Reason {
    NOT_FOUND(HttpStatus.NOT_FOUND, "attestation-not-found", "Attestation not found"),
    STATEMENT_NOT_SATISFIED(
        HttpStatus.UNPROCESSABLE_CONTENT, "statement-not-satisfied", "Statement not satisfied"),
    INSUFFICIENT_HISTORY(
        HttpStatus.UNPROCESSABLE_CONTENT, "insufficient-history", "Not enough history to score"),
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request"),
    UNSUPPORTED_CHAIN(HttpStatus.BAD_REQUEST, "unsupported-chain", "Unsupported chain"),
    INVALID_CONSENT(HttpStatus.BAD_REQUEST, "invalid-consent", "Invalid mint consent"),
    ALREADY_REVOKED(HttpStatus.CONFLICT, "attestation-revoked", "Attestation revoked"),
    ISSUER_UNAVAILABLE(
        HttpStatus.SERVICE_UNAVAILABLE, "issuer-unavailable", "Issuing is not configured");

    final HttpStatus status;
    final String slug;
    final String title;

    Reason(HttpStatus status, String slug, String title) {
      this.status = status;
      this.slug = slug;
      this.title = title;
    }
  }

  private final Reason reason;

  public AttestationException(Reason reason, String detail) {
    super(reason.status, reason.slug, reason.title, detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
