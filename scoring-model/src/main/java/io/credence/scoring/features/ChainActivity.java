package io.credence.scoring.features;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Set;

/**
 * General (not only lending) activity of one linked wallet on one chain.
 *
 * @param chain chain name
 * @param firstTransactionAt time of the wallet's first transaction on this chain, or {@code null}
 *     if it has none
 * @param transactionCount number of transactions sent, {@code >= 0}
 * @param activeMonths calendar months (UTC) with at least one transaction
 */
public record ChainActivity(
    String chain, Instant firstTransactionAt, long transactionCount, Set<YearMonth> activeMonths) {

  public ChainActivity {
    Objects.requireNonNull(chain, "chain");
    if (transactionCount < 0) {
      throw new IllegalArgumentException("transactionCount must be >= 0");
    }
    activeMonths = Set.copyOf(activeMonths);
  }
}
