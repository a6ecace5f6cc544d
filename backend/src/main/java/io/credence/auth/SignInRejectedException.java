package io.credence.auth;

import io.credence.platform.ApiProblemException;

/** A signed wallet message was refused; the message is safe to show the caller. */
public final class SignInRejectedException extends ApiProblemException {

  private static final long serialVersionUID = 1L;

  private final SignInFailure reason;

  public SignInRejectedException(SignInFailure reason, String detail) {
    super(reason.status(), reason.slug(), reason.title(), detail);
    this.reason = reason;
  }

  public SignInFailure reason() {
    return reason;
  }
}
