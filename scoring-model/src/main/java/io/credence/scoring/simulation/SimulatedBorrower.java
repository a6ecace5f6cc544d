package io.credence.scoring.simulation;

import io.credence.scoring.features.BorrowerHistory;
import java.util.Objects;
import java.util.Optional;

/**
 * One simulated borrower: the history the model sees and the outcome it must predict.
 *
 * @param history what the borrower shows at the scoring time (after any gaming)
 * @param defaulted liquidated or left bad debt in the outcome window
 * @param strategy the gaming strategy applied to the history, or {@code null} for an honest one;
 *     gaming changes what the model sees, never the borrower's real risk or outcome
 */
public record SimulatedBorrower(BorrowerHistory history, boolean defaulted, Adversary strategy) {

  public SimulatedBorrower {
    Objects.requireNonNull(history, "history");
  }

  public Optional<Adversary> adversary() {
    return Optional.ofNullable(strategy);
  }
}
