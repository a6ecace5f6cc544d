package io.credence.borrower;

import io.credence.platform.ApiProblemException;
import org.springframework.http.HttpStatus;

/** No active link with that id belongs to the signed-in borrower. */
public final class WalletLinkNotFoundException extends ApiProblemException {

  private static final long serialVersionUID = 1L;

  WalletLinkNotFoundException() {
    super(
        HttpStatus.NOT_FOUND,
        "wallet-not-found",
        "Wallet not found",
        "no linked wallet with that id on your profile");
  }
}
