package io.credence.borrower;

import io.credence.platform.ApiProblemException;
import org.springframework.http.HttpStatus;

/** A profile must keep at least one wallet, or its holder could never sign in to it again. */
public final class LastWalletException extends ApiProblemException {

  private static final long serialVersionUID = 1L;

  LastWalletException() {
    super(
        HttpStatus.CONFLICT,
        "last-wallet",
        "Last wallet",
        "this is the only wallet on your profile; link another before unlinking it");
  }
}
