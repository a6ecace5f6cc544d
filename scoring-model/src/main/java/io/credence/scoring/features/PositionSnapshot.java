package io.credence.scoring.features;

import java.util.Objects;

/**
 * A current lending position read from a protocol at the scoring time (for Aave v3, {@code
 * getUserAccountData}).
 *
 * @param chain chain name
 * @param protocol lending protocol
 * @param collateralUsd collateral value in USD, {@code >= 0}
 * @param stablecoinCollateralUsd part of {@code collateralUsd} held in stablecoins, {@code >= 0}
 *     and {@code <= collateralUsd}
 * @param debtUsd outstanding debt in USD, {@code >= 0}
 * @param healthFactor the protocol's health factor (liquidatable below 1); ignored when there is no
 *     debt
 */
public record PositionSnapshot(
    String chain,
    String protocol,
    double collateralUsd,
    double stablecoinCollateralUsd,
    double debtUsd,
    double healthFactor) {

  public PositionSnapshot {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(protocol, "protocol");
    if (!(collateralUsd >= 0) || !(debtUsd >= 0) || !(stablecoinCollateralUsd >= 0)) {
      throw new IllegalArgumentException("USD amounts must be >= 0");
    }
    if (debtUsd > 0 && !(healthFactor >= 0)) {
      // NaN would otherwise read as "missing" and be treated like a debt-free position.
      throw new IllegalArgumentException("a position with debt needs a health factor >= 0");
    }
    if (stablecoinCollateralUsd > collateralUsd * (1 + 1e-9)) {
      throw new IllegalArgumentException("stablecoinCollateralUsd exceeds collateralUsd");
    }
  }
}
