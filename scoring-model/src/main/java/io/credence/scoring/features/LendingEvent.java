package io.credence.scoring.features;

import java.time.Instant;
import java.util.Objects;

/**
 * One normalized lending event from any linked wallet on any chain.
 *
 * <p>The backend maps protocol events (Aave v3 Supply/Withdraw/Borrow/Repay/LiquidationCall,
 * Compound v3 Supply/Withdraw/AbsorbDebt, ...) to this record, converting token amounts to USD at
 * the event's block time.
 *
 * @param type what happened
 * @param chain chain name, e.g. {@code ethereum}, {@code arbitrum}; compared case-insensitively
 * @param protocol lending protocol, e.g. {@code aave-v3}; compared case-insensitively
 * @param asset token symbol, e.g. {@code WETH}, {@code USDC}; stablecoins are recognised by {@link
 *     FeatureSchema#isStablecoin(String)}
 * @param amountUsd USD value at event time; for {@link LendingEventType#LIQUIDATION} the debt
 *     covered by the liquidator
 * @param timestamp block time
 * @throws IllegalArgumentException if a string is blank or the amount is negative or not finite
 * @throws NullPointerException if any argument is null
 */
public record LendingEvent(
    LendingEventType type,
    String chain,
    String protocol,
    String asset,
    double amountUsd,
    Instant timestamp) {

  public LendingEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(timestamp, "timestamp");
    chain = requireText(chain, "chain");
    protocol = requireText(protocol, "protocol");
    asset = requireText(asset, "asset");
    if (!Double.isFinite(amountUsd) || amountUsd < 0) {
      throw new IllegalArgumentException("amountUsd must be finite and >= 0, was " + amountUsd);
    }
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value.strip();
  }
}
