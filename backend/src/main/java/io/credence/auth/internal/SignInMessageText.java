package io.credence.auth.internal;

import io.credence.auth.ChainFamily;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes the canonical message text a wallet signs (the inverse of {@link SignInMessageParser}).
 */
public final class SignInMessageText {

  private SignInMessageText() {}

  public static String of(
      ChainFamily family,
      String domain,
      String address,
      String statement,
      String uri,
      String chainId,
      String nonce,
      Instant issuedAt) {
    return domain
        + " wants you to sign in with your "
        + family.accountWord()
        + " account:\n"
        + address
        + "\n\n"
        + statement
        + "\n\nURI: "
        + uri
        + "\nVersion: 1\nChain ID: "
        + chainId
        + "\nNonce: "
        + nonce
        + "\nIssued At: "
        + issuedAt.truncatedTo(ChronoUnit.SECONDS);
  }
}
