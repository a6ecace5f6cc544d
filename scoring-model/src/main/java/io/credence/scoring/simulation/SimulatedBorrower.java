package io.credence.scoring.simulation;

import io.credence.scoring.features.BorrowerHistory;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One simulated borrower: the history the model sees and the outcome it must predict.
 *
 * @param history what the borrower shows at the scoring time (after any gaming)
 * @param defaulted liquidated or left bad debt in the outcome window
 * @param strategy the gaming strategy applied to the history, or {@code null} for an honest one;
 *     gaming changes what the model sees, never the borrower's real risk or outcome
 * @param funding how each of the borrower's wallets (chains) was funded, one entry per chain the
 *     borrower lent on; empty when not drawn
 */
public record SimulatedBorrower(
    BorrowerHistory history, boolean defaulted, Adversary strategy, List<WalletFunding> funding) {

  public SimulatedBorrower {
    Objects.requireNonNull(history, "history");
    funding = List.copyOf(funding);
  }

  /** A borrower whose wallets' funding was not drawn. */
  public SimulatedBorrower(BorrowerHistory history, boolean defaulted, Adversary strategy) {
    this(history, defaulted, strategy, List.of());
  }

  public Optional<Adversary> adversary() {
    return Optional.ofNullable(strategy);
  }

  /** The wallets directly related by transfers to another of the borrower's wallets. */
  public List<WalletFunding> directLinks(double relatedWalletShare) {
    return funding.stream().filter(f -> f.isDirect(relatedWalletShare)).toList();
  }
}
