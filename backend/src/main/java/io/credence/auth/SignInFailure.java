package io.credence.auth;

import org.springframework.http.HttpStatus;

/** Why a signed wallet message was refused. Each reason has a stable problem type. */
public enum SignInFailure {
  MALFORMED_MESSAGE(
      HttpStatus.BAD_REQUEST, "malformed-sign-in-message", "Malformed sign-in message"),
  DOMAIN_MISMATCH(HttpStatus.BAD_REQUEST, "domain-mismatch", "Message is for another domain"),
  URI_MISMATCH(HttpStatus.BAD_REQUEST, "uri-mismatch", "Message is for another URI"),
  UNSUPPORTED_VERSION(HttpStatus.BAD_REQUEST, "unsupported-version", "Unsupported message version"),
  UNSUPPORTED_CHAIN(HttpStatus.BAD_REQUEST, "unsupported-chain", "Chain not supported"),
  NONCE_UNKNOWN(HttpStatus.BAD_REQUEST, "nonce-unknown", "Unknown nonce"),
  NONCE_EXPIRED(HttpStatus.BAD_REQUEST, "nonce-expired", "Nonce expired"),
  NONCE_USED(HttpStatus.BAD_REQUEST, "nonce-used", "Nonce already used"),
  NONCE_WRONG_PURPOSE(
      HttpStatus.BAD_REQUEST, "nonce-wrong-purpose", "Nonce was issued for another purpose"),
  NONCE_WRONG_SESSION(
      HttpStatus.BAD_REQUEST, "nonce-wrong-session", "Nonce was issued to another session"),
  MESSAGE_EXPIRED(HttpStatus.BAD_REQUEST, "message-expired", "Message expired"),
  MESSAGE_NOT_YET_VALID(HttpStatus.BAD_REQUEST, "message-not-yet-valid", "Message not valid yet"),
  MALFORMED_SIGNATURE(HttpStatus.BAD_REQUEST, "malformed-signature", "Malformed signature"),
  SIGNATURE_MISMATCH(
      HttpStatus.UNAUTHORIZED, "signature-mismatch", "Signature does not match the wallet");

  private final HttpStatus status;
  private final String slug;
  private final String title;

  SignInFailure(HttpStatus status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }
}
