package io.credence.scoring.features;

/**
 * The features of schema version {@value FeatureSchema#VERSION}, in vector order.
 *
 * <p>Every feature has a unit, a valid range and a known risk direction ({@link #riskDirection()}).
 * The scorecard's points are monotone in that direction, and a <b>missing value is the riskiest end
 * of the range</b> ({@link #missingValue()}), so a missing value can never earn more points than
 * any real value: a borrower gains nothing by leaving a feature out. The extractor writes the
 * neutral facts explicitly (no debt: health factor 10; never liquidated: 3,650 days since), so
 * "missing" only happens with incomplete external input.
 *
 * <p>Two ways in: {@link FeatureVector#of(double...)} (the extractor) caps values at the ends of
 * the range, the documented saturation of each feature; {@link #validate(double)} (external input:
 * JSON, CSV) refuses a value outside the range instead of clamping it.
 */
public enum Feature {
  WALLET_AGE_DAYS(
      "wallet_age_days",
      "days",
      0,
      3650,
      RiskDirection.FALLS,
      "Days from the earliest first transaction of any linked wallet to the scoring time (capped"
          + " at 3,650)."),
  ACTIVE_MONTHS(
      "active_months",
      "months",
      0,
      120,
      RiskDirection.FALLS,
      "Distinct completed calendar months (UTC, before the scoring month) with any transaction on"
          + " any linked wallet or chain."),
  TX_COUNT(
      "tx_count",
      "transactions",
      0,
      1200,
      RiskDirection.FALLS,
      "Transactions sent over all linked wallets and chains, counting at most "
          + FeatureSchema.TX_PER_ACTIVE_MONTH
          + " per active month of active_months (diminishing returns: a burst adds little)."),
  CREDIT_CHAINS(
      "credit_chains",
      "chains",
      0,
      20,
      RiskDirection.FALLS,
      "Distinct chains with at least one credit loan (see credit_history_days)."),
  CREDIT_PROTOCOLS(
      "credit_protocols",
      "protocols",
      0,
      20,
      RiskDirection.FALLS,
      "Distinct lending protocols (by name, across chains) with at least one credit loan."),
  CREDIT_HISTORY_DAYS(
      "credit_history_days",
      "days",
      0,
      3650,
      RiskDirection.FALLS,
      "Days since the first credit loan: a borrow of at least "
          + (int) FeatureSchema.DUST_USD
          + " USD not repaid within "
          + FeatureSchema.SHORT_CYCLE_HOURS
          + " hours (capped at 3,650)."),
  REPAID_SHARE(
      "repaid_share",
      "ratio",
      0,
      1,
      RiskDirection.FALLS,
      "Time-weighted share of due credit debt repaid by the borrower: repaid debt-days over"
          + " repaid, liquidated and still-open due debt-days. Each loan counts USD x days"
          + " outstanding (at most 90 days); an open loan younger than "
          + FeatureSchema.SEASONING_DAYS
          + " days is not yet due and is left out."),
  LIQUIDATION_COUNT(
      "liquidation_count",
      "liquidations",
      0,
      10_000,
      RiskDirection.RISES,
      "Number of liquidation events against the borrower."),
  LIQUIDATED_SHARE(
      "liquidated_share",
      "ratio",
      0,
      1,
      RiskDirection.RISES,
      "USD of debt covered by liquidators divided by USD of credit loans (capped at 1)."),
  DAYS_SINCE_LAST_LIQUIDATION(
      "days_since_last_liquidation",
      "days",
      0,
      3650,
      RiskDirection.FALLS,
      "Days from the most recent liquidation to the scoring time; 3,650 (the cap) when never"
          + " liquidated."),
  MIN_HEALTH_FACTOR(
      "min_health_factor",
      "ratio",
      0,
      10,
      RiskDirection.FALLS,
      "Lowest health factor over current positions that carry debt (liquidatable below 1);"
          + " 10 (the cap) when no position carries debt."),
  PEAK_LTV(
      "peak_ltv",
      "ratio",
      0,
      1.5,
      RiskDirection.RISES,
      "Highest loan-to-value of credit debt seen after each event per (chain, protocol), from"
          + " event-time USD amounts, and over current positions; short-cycle loans are left out."),
  STABLECOIN_COLLATERAL_SHARE(
      "stablecoin_collateral_share",
      "ratio",
      0,
      1,
      RiskDirection.FALLS,
      "Share of current non-dust collateral held in stablecoins, rounded down to 10% steps;"
          + " stablecoin collateral under "
          + (int) FeatureSchema.DUST_USD
          + " USD per position counts as none."),
  SHORT_CYCLE_SHARE(
      "short_cycle_share",
      "ratio",
      0,
      1,
      RiskDirection.RISES,
      "USD of borrowing repaid within "
          + FeatureSchema.SHORT_CYCLE_HOURS
          + " hours (flash and wash loops) divided by all USD borrowed. Such loops are left out"
          + " of every credit feature.");

  /** How default risk moves as a feature's value grows. */
  public enum RiskDirection {
    /** Higher is safer: points never fall as the value grows. */
    FALLS,
    /** Higher is riskier: points never rise as the value grows. */
    RISES
  }

  private final String column;
  private final String unit;
  private final double min;
  private final double max;
  private final RiskDirection riskDirection;
  private final String description;

  Feature(
      String column,
      String unit,
      double min,
      double max,
      RiskDirection riskDirection,
      String description) {
    this.column = column;
    this.unit = unit;
    this.min = min;
    this.max = max;
    this.riskDirection = riskDirection;
    this.description = description;
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

  /** How default risk moves as the value grows; the scorecard's points follow it. */
  public RiskDirection riskDirection() {
    return riskDirection;
  }

  /**
   * Value used when the feature is missing ({@code NaN}): the riskiest end of the range ({@link
   * #min()} if risk falls with the value, {@link #max()} if it rises).
   */
  public double missingValue() {
    return riskDirection == RiskDirection.FALLS ? min : max;
  }

  public String description() {
    return description;
  }

  /** What a missing value means and which value replaces it. */
  public String missingMeaning() {
    return "unknown: treated as the riskiest value, " + FeatureVector.format(missingValue());
  }

  /**
   * The extractor's treatment: {@code NaN} becomes {@link #missingValue()}, anything else is capped
   * to {@code [min, max]}.
   */
  public double sanitize(double value) {
    if (Double.isNaN(value)) {
      return missingValue();
    }
    return Math.max(min, Math.min(max, value));
  }

  /**
   * The treatment of external input: {@code NaN} is missing (the riskiest value); a value outside
   * {@code [min, max]} (including infinities) is refused, not clamped.
   *
   * @throws IllegalArgumentException if the value is outside the valid range
   */
  public double validate(double value) {
    if (Double.isNaN(value)) {
      return missingValue();
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "feature '"
              + column
              + "' must be between "
              + FeatureVector.format(min)
              + " and "
              + FeatureVector.format(max)
              + " "
              + unit
              + ", was "
              + FeatureVector.format(value));
    }
    return value;
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
