package io.credence.scoring.features;

import java.util.List;
import java.util.Objects;

/**
 * A wallet the borrower did not link, related to a linked one by direct transfers, with its lending
 * facts. The backend finds it from ERC-20 {@code Transfer} logs of the tracked markets' assets with
 * a linked wallet as {@code from} or {@code to}, keeps it only if it has lending activity on a
 * tracked market, and reads its lending facts. It carries no address.
 *
 * <p>A {@linkplain #isCounted() counted} related wallet is scored as if the borrower had linked it,
 * except that it can only lower the score (see {@link FeatureExtractor#extract(BorrowerHistory)}
 * and {@code docs/model-card.md}, "Related wallets"): its positive activity never adds points.
 *
 * @param relation the direction of the transfers between it and the linked wallet
 * @param chain the chain on which the transfers were seen; non-blank, stripped
 * @param transferredUsd total USD value of the direct transfers between it and the linked wallets
 *     (both directions, at transfer time); finite and {@code >= 0}
 * @param events its lending events (same meaning as {@link BorrowerHistory#events()}), may be empty
 * @param positions its open positions at the scoring time, may be empty
 * @throws NullPointerException if any argument or list element is null
 * @throws IllegalArgumentException if {@code chain} is blank or {@code transferredUsd} is negative
 *     or not finite
 */
public record RelatedWallet(
    Relation relation,
    String chain,
    double transferredUsd,
    List<LendingEvent> events,
    List<PositionSnapshot> positions) {

  public RelatedWallet {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(chain, "chain");
    if (chain.isBlank()) {
      throw new IllegalArgumentException("chain must not be blank");
    }
    chain = chain.strip();
    if (!Double.isFinite(transferredUsd) || transferredUsd < 0) {
      throw new IllegalArgumentException(
          "transferredUsd must be finite and >= 0, was " + transferredUsd);
    }
    events = List.copyOf(Objects.requireNonNull(events, "events"));
    positions = List.copyOf(Objects.requireNonNull(positions, "positions"));
  }

  /**
   * Whether the scorer counts this wallet (the minimum link): transfers in {@linkplain
   * Relation#BOTH both directions} adding up to at least {@value
   * FeatureSchema#RELATED_TWO_WAY_MIN_USD} USD; or {@linkplain Relation#FUNDED sent to it} by the
   * borrower, at least {@value FeatureSchema#RELATED_FUNDED_MIN_USD} USD; or {@linkplain
   * Relation#FUNDED_BY received from it} only, at least {@value
   * FeatureSchema#RELATED_FUNDED_BY_MIN_USD} USD. A smaller link is more likely a stranger (a
   * one-off payment, a dusting transfer) than a wallet of the borrower's own, and a link only the
   * other side made must be costly to fake.
   */
  public boolean isCounted() {
    double minimum =
        switch (relation) {
          case BOTH -> FeatureSchema.RELATED_TWO_WAY_MIN_USD;
          case FUNDED -> FeatureSchema.RELATED_FUNDED_MIN_USD;
          case FUNDED_BY -> FeatureSchema.RELATED_FUNDED_BY_MIN_USD;
        };
    return transferredUsd >= minimum;
  }
}
