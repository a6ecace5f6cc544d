package io.credence.scoring.features;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The raw inputs of one borrower at the scoring time, exactly what the backend would hand to {@link
 * FeatureExtractor#extract}: lending events, wallet activity and current positions.
 *
 * @param events lending events of every linked wallet
 * @param activity wallet activity and current positions at {@code asOf}
 * @param asOf the scoring time
 */
public record BorrowerHistory(List<LendingEvent> events, WalletActivity activity, Instant asOf) {

  public BorrowerHistory {
    events = List.copyOf(events);
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(asOf, "asOf");
  }

  /** The features the backend would compute from this history. */
  public FeatureVector features() {
    return FeatureExtractor.extract(events, activity, asOf);
  }
}
