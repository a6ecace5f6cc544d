package io.credence.history.internal;

/** What a wallet was to a protocol event. */
public enum Role {
  /** The account whose position changed (supplier, borrower, the liquidated account). */
  ACCOUNT,
  /** Paid for another account: Aave repayer or Comet {@code from} supplying to another account. */
  PAYER,
  /** Liquidated another account (Aave liquidator, Comet absorber). */
  LIQUIDATOR
}
