package io.credence.borrower;

import java.util.Objects;
import java.util.UUID;

/** One link of a wallet to a profile (a wallet linked, unlinked and linked again has two). */
public record WalletLinkId(UUID value) {

  public WalletLinkId {
    Objects.requireNonNull(value, "value");
  }

  public static WalletLinkId random() {
    return new WalletLinkId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
