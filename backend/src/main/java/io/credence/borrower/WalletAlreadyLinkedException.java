package io.credence.borrower;

import io.credence.platform.ApiProblemException;
import org.springframework.http.HttpStatus;

/** The wallet is linked to another borrower profile. */
public final class WalletAlreadyLinkedException extends ApiProblemException {

  private static final long serialVersionUID = 1L;

  WalletAlreadyLinkedException() {
    super(
        HttpStatus.CONFLICT,
        "wallet-already-linked",
        "Wallet linked elsewhere",
        "this wallet is already linked to another Credence profile; unlink it there first");
  }
}
