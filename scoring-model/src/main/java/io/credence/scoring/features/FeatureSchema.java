package io.credence.scoring.features;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The versioned feature schema: the list of {@link Feature}s and the rules shared by them. */
public final class FeatureSchema {

  /**
   * Schema version. Bump it when a feature is added, removed, reordered or its definition changes;
   * a model artifact records the version it was trained on and refuses other versions.
   */
  public static final String VERSION = "2";

  /** Schema versions whose artifacts this build refuses, with the reason shown to the operator. */
  public static final String RETIRED_VERSIONS_MESSAGE =
      "feature schema 1 was retired by schema 2 (issue 13: gaming-resistant credit features);"
          + " retrain the model on schema 2";

  /**
   * Economic minimum in USD: a borrow below it is not a credit loan, and a position's collateral or
   * stablecoin collateral below it counts as none.
   */
  public static final double DUST_USD = 100;

  /** A loan repaid within this many hours of being drawn is a short cycle (flash or wash loop). */
  public static final int SHORT_CYCLE_HOURS = 24;

  /**
   * A related wallet linked by transfers in both directions counts when they add up to at least
   * this many USD ({@link RelatedWallet#isCounted()}).
   */
  public static final double RELATED_TWO_WAY_MIN_USD = 100;

  /**
   * A related wallet that only received value from the borrower's wallets ({@link Relation#FUNDED})
   * counts when it received at least this many USD: the borrower chose to send it.
   */
  public static final double RELATED_FUNDED_MIN_USD = 1_000;

  /**
   * A related wallet that only sent value to the borrower's wallets ({@link Relation#FUNDED_BY})
   * counts when it sent at least this many USD. Anyone can send tokens to anyone, so this is what a
   * stranger must give away to lower a borrower's score on purpose.
   */
  public static final double RELATED_FUNDED_BY_MIN_USD = 10_000;

  /** An open credit loan younger than this is not yet due for {@link Feature#REPAID_SHARE}. */
  public static final int SEASONING_DAYS = 30;

  /**
   * Days outstanding beyond which a loan's weight in {@link Feature#REPAID_SHARE} stops growing.
   */
  public static final int MAX_WEIGHT_DAYS = 90;

  /** Transactions counted per active month in {@link Feature#TX_COUNT}. */
  public static final int TX_PER_ACTIVE_MONTH = 10;

  /** Features in vector order. */
  public static final List<Feature> FEATURES = List.of(Feature.values());

  /** Asset symbols counted as stablecoins (upper case). */
  public static final Set<String> STABLECOINS =
      Set.of(
          "USDC", "USDC.E", "USDT", "DAI", "USDS", "FRAX", "LUSD", "GHO", "PYUSD", "USDE", "CRVUSD",
          "USDBC");

  private FeatureSchema() {}

  /** Whether an asset symbol is a stablecoin (case-insensitive). */
  public static boolean isStablecoin(String asset) {
    return STABLECOINS.contains(asset.toUpperCase(Locale.ROOT));
  }
}
