package io.credence.scoring.features;

/**
 * The features of schema version {@value FeatureSchema#VERSION}, in vector order.
 *
 * <p>Each feature has a unit and a valid range. Treatment of bad values is the same everywhere
 * (extraction, CSV, JSON): a missing value ({@code NaN}) is replaced by {@link #missingValue()},
 * whose meaning is given by {@link #missingMeaning()}; a value outside {@code [min, max]} is
 * clamped to the nearest bound. Infinite values are clamped too, so {@code +Infinity} health means
 * "no debt".
 */
public enum Feature {
  WALLET_AGE_DAYS(
      "wallet_age_days",
      "days",
      0,
      3650,
      0,
      "Days from the earliest first transaction of any linked wallet to the scoring time.",
      "no transaction known: treated as a brand-new wallet (0)"),
  ACTIVE_MONTHS(
      "active_months",
      "months",
      0,
      120,
      0,
      "Distinct calendar months (UTC) with any transaction on any linked wallet or chain.",
      "no activity known: 0"),
  TX_COUNT(
      "tx_count",
      "transactions",
      0,
      1_000_000,
      0,
      "Transactions sent, summed over all linked wallets and chains.",
      "no activity known: 0"),
  CHAINS_ACTIVE(
      "chains_active",
      "chains",
      0,
      50,
      0,
      "Distinct chains with any transaction or lending event.",
      "no activity known: 0"),
  PROTOCOLS_USED(
      "protocols_used",
      "protocols",
      0,
      50,
      0,
      "Distinct lending protocols (by name, across chains) with any lending event.",
      "no lending events: 0"),
  BORROW_COUNT(
      "borrow_count", "borrows", 0, 100_000, 0, "Number of borrow events.", "no events: 0"),
  BORROW_VOLUME_USD(
      "borrow_volume_usd",
      "USD",
      0,
      1e10,
      0,
      "Total USD borrowed (at event time).",
      "no events: 0"),
  REPAY_RATIO(
      "repay_ratio",
      "ratio",
      0,
      2,
      1,
      "USD repaid by the borrower divided by USD borrowed; above 1 when interest was repaid.",
      "never borrowed: 1 (nothing left unpaid)"),
  LIQUIDATION_COUNT(
      "liquidation_count",
      "liquidations",
      0,
      10_000,
      0,
      "Number of liquidation events against the borrower.",
      "no events: 0"),
  LIQUIDATION_VOLUME_RATIO(
      "liquidation_volume_ratio",
      "ratio",
      0,
      1,
      0,
      "USD of debt covered by liquidators divided by USD borrowed.",
      "never borrowed: 0"),
  DAYS_SINCE_LAST_LIQUIDATION(
      "days_since_last_liquidation",
      "days",
      0,
      3650,
      3650,
      "Days from the most recent liquidation to the scoring time.",
      "never liquidated: 3650 (the cap, i.e. as long ago as the schema can express)"),
  CURRENT_DEBT_USD(
      "current_debt_usd",
      "USD",
      0,
      1e10,
      0,
      "Outstanding debt over all current positions.",
      "no open positions: 0"),
  MIN_HEALTH_FACTOR(
      "min_health_factor",
      "ratio",
      0,
      10,
      10,
      "Lowest health factor over current positions that carry debt (liquidatable below 1).",
      "no debt: 10 (the cap; a position without debt cannot be liquidated)"),
  PEAK_LTV(
      "peak_ltv",
      "ratio",
      0,
      1.5,
      0,
      "Highest loan-to-value seen: after each event, per (chain, protocol), from event-time USD"
          + " amounts, and over current positions.",
      "never borrowed: 0"),
  STABLECOIN_COLLATERAL_SHARE(
      "stablecoin_collateral_share",
      "ratio",
      0,
      1,
      0,
      "Share of current collateral held in stablecoins; without current collateral, share of"
          + " supplied USD volume that was stablecoins.",
      "no collateral ever supplied: 0"),
  NET_POSITION_USD(
      "net_position_usd",
      "USD",
      -1e10,
      1e10,
      0,
      "Current collateral minus current debt over all positions.",
      "no open positions: 0");

  private final String column;
  private final String unit;
  private final double min;
  private final double max;
  private final double missingValue;
  private final String description;
  private final String missingMeaning;

  Feature(
      String column,
      String unit,
      double min,
      double max,
      double missingValue,
      String description,
      String missingMeaning) {
    this.column = column;
    this.unit = unit;
    this.min = min;
    this.max = max;
    this.missingValue = missingValue;
    this.description = description;
    this.missingMeaning = missingMeaning;
  }

  /** Column name used in CSV files and feature-vector JSON. */
  public String column() {
    return column;
  }

  public String unit() {
    return unit;
  }

  /** Smallest valid value (inclusive). */
  public double min() {
    return min;
  }

  /** Largest valid value (inclusive). */
  public double max() {
    return max;
  }

  /** Value used when the feature is missing ({@code NaN}). */
  public double missingValue() {
    return missingValue;
  }

  public String description() {
    return description;
  }

  /** What a missing value means and which value replaces it. */
  public String missingMeaning() {
    return missingMeaning;
  }

  /**
   * Applies the schema's treatment: {@code NaN} becomes {@link #missingValue()}, anything else is
   * clamped to {@code [min, max]}.
   */
  public double sanitize(double value) {
    if (Double.isNaN(value)) {
      return missingValue;
    }
    return Math.max(min, Math.min(max, value));
  }

  /**
   * Finds a feature by its column name.
   *
   * @throws IllegalArgumentException if no feature has that column name
   */
  public static Feature byColumn(String column) {
    for (Feature f : values()) {
      if (f.column.equals(column)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown feature column '" + column + "'");
  }
}
