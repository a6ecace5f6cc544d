package io.credence.scoring.simulation;

import io.credence.scoring.features.Relation;
import java.util.Objects;

/**
 * How one wallet of a simulated borrower (in the simulation, a wallet is the borrower's activity on
 * one chain) got its funds: directly from or to another wallet of the borrower, which the sync can
 * see as ERC-20 transfers, or through an exchange, which it cannot.
 *
 * <p>The wallet is <em>directly related</em> under a {@linkplain
 * SimulationConfig#relatedWalletShare() share} {@code s} when {@code directDraw < s}: drawing once
 * and comparing with the share makes the populations of different shares nested, so a sensitivity
 * table compares the same borrowers.
 *
 * @param chain the wallet's chain
 * @param directDraw uniform draw in [0, 1)
 * @param relation direction of the direct transfers, seen from the linked wallet
 * @param transferredUsd USD moved by the direct transfers
 */
public record WalletFunding(
    String chain, double directDraw, Relation relation, double transferredUsd) {

  public WalletFunding {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(relation, "relation");
    if (!(directDraw >= 0 && directDraw < 1) || !(transferredUsd >= 0)) {
      throw new IllegalArgumentException("directDraw in [0, 1) and transferredUsd >= 0");
    }
  }

  /** Whether the wallet is directly related by transfers under {@code relatedWalletShare}. */
  public boolean isDirect(double relatedWalletShare) {
    return directDraw < relatedWalletShare;
  }
}
