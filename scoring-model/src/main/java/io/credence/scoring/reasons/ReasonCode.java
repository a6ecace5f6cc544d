package io.credence.scoring.reasons;

import io.credence.scoring.features.Feature;

/**
 * Stable adverse-action reason codes, one per feature. Codes never change meaning; a new feature
 * gets a new code. The text is what a borrower sees: it names the factor that lowered the score.
 */
public enum ReasonCode {
  CR01(Feature.WALLET_AGE_DAYS, "Wallet history is short"),
  CR02(Feature.ACTIVE_MONTHS, "Few months with on-chain activity"),
  CR03(Feature.TX_COUNT, "Limited on-chain transaction history"),
  CR04(Feature.CHAINS_ACTIVE, "Activity on few chains"),
  CR05(Feature.PROTOCOLS_USED, "Limited experience with lending protocols"),
  CR06(Feature.BORROW_COUNT, "Limited or unusual borrowing history"),
  CR07(Feature.BORROW_VOLUME_USD, "Amount borrowed in the past"),
  CR08(Feature.REPAY_RATIO, "Low share of borrowed funds repaid"),
  CR09(Feature.LIQUIDATION_COUNT, "Positions were liquidated in the past"),
  CR10(Feature.LIQUIDATION_VOLUME_RATIO, "Large share of borrowing ended in liquidation"),
  CR11(Feature.DAYS_SINCE_LAST_LIQUIDATION, "A liquidation happened recently"),
  CR12(Feature.CURRENT_DEBT_USD, "Level of current debt"),
  CR13(Feature.MIN_HEALTH_FACTOR, "A current position is close to liquidation (low health factor)"),
  CR14(Feature.PEAK_LTV, "High loan-to-value in the past"),
  CR15(Feature.STABLECOIN_COLLATERAL_SHARE, "Collateral is concentrated in volatile assets"),
  CR16(Feature.NET_POSITION_USD, "Small net position (collateral minus debt)");

  private final Feature feature;
  private final String text;

  ReasonCode(Feature feature, String text) {
    this.feature = feature;
    this.text = text;
  }

  public Feature feature() {
    return feature;
  }

  /** Plain-English text for an adverse-action notice. */
  public String text() {
    return text;
  }

  /** The code for a feature; every feature has exactly one. */
  public static ReasonCode forFeature(Feature feature) {
    for (ReasonCode c : values()) {
      if (c.feature == feature) {
        return c;
      }
    }
    throw new IllegalStateException("no reason code for " + feature);
  }
}
