package io.credence.scoring.features;

import java.util.List;

/**
 * Facts about a borrower's linked wallets that are not lending events: general activity per chain
 * and the current lending positions.
 *
 * @param chains one entry per (wallet, chain)
 * @param positions current lending positions across all wallets and chains
 */
public record WalletActivity(List<ChainActivity> chains, List<PositionSnapshot> positions) {

  /** No known activity and no open positions. */
  public static final WalletActivity NONE = new WalletActivity(List.of(), List.of());

  public WalletActivity {
    chains = List.copyOf(chains);
    positions = List.copyOf(positions);
  }
}
