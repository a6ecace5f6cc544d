package io.credence.scoring.features;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The raw inputs of one borrower at the scoring time, exactly what the backend would hand to {@link
 * FeatureExtractor#extract(BorrowerHistory)}: lending events, wallet activity and current positions
 * of the linked wallets, and the wallets related to them by direct transfers.
 *
 * @param events lending events of every linked wallet
 * @param activity wallet activity and current positions at {@code asOf}
 * @param asOf the scoring time
 * @param related wallets the borrower did not link that are related to a linked one by direct
 *     transfers, at most {@link #MAX_RELATED_WALLETS}; empty when none was found (or none was
 *     looked for)
 * @throws NullPointerException if any argument or list element is null
 * @throws IllegalArgumentException if there are more than {@link #MAX_RELATED_WALLETS} related
 *     wallets
 */
public record BorrowerHistory(
    List<LendingEvent> events, WalletActivity activity, Instant asOf, List<RelatedWallet> related) {

  /** At most this many related wallets are carried (and exported) per history. */
  public static final int MAX_RELATED_WALLETS = 32;

  public BorrowerHistory {
    events = List.copyOf(events);
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(asOf, "asOf");
    related = List.copyOf(Objects.requireNonNull(related, "related"));
    if (related.size() > MAX_RELATED_WALLETS) {
      throw new IllegalArgumentException(
          related.size() + " related wallets, at most " + MAX_RELATED_WALLETS + " accepted");
    }
  }

  /** A history with no related wallets found. */
  public BorrowerHistory(List<LendingEvent> events, WalletActivity activity, Instant asOf) {
    this(events, activity, asOf, List.of());
  }

  /** The features the backend would compute from this history (related wallets included). */
  public FeatureVector features() {
    return FeatureExtractor.extract(this);
  }
}
