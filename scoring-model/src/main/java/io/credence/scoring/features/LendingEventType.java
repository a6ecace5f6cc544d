package io.credence.scoring.features;

/** The kinds of normalized lending event, independent of the protocol that emitted them. */
public enum LendingEventType {
  /** Collateral deposited into a lending market. */
  SUPPLY,
  /** Collateral withdrawn from a lending market. */
  WITHDRAW,
  /** Debt drawn. */
  BORROW,
  /** Debt repaid by the borrower. */
  REPAY,
  /**
   * A third party repaid part of the borrower's debt and seized collateral; {@code amountUsd} is
   * the debt covered.
   */
  LIQUIDATION
}
