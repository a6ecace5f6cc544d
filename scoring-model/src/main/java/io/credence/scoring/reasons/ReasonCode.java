package io.credence.scoring.reasons;

import io.credence.scoring.features.Feature;
import java.util.List;

/**
 * Adverse-action reason codes of feature schema 2, in the bureau style: plain language, one code
 * per factor a borrower can act on, each naming what lowered the score and what helps. Related
 * features share a code (the three liquidation features are one factor), so the points a factor
 * costs are added up before codes are ranked. Codes never change meaning; codes of retired schemas
 * (CR01-CR16 of schema 1) are never reused.
 *
 * <p>{@link #CR31} is the one code without features of its own: it names the points that wallets
 * the borrower did not link, related to a linked one by direct transfers, cost (see {@code
 * Scorecard.score(BorrowerHistory)}).
 */
public enum ReasonCode {
  CR21(
      "Your wallets are young: the oldest linked wallet has little on-chain history",
      List.of(Feature.WALLET_AGE_DAYS)),
  CR22(
      "Little regular on-chain activity over the months (a burst of transactions counts little)",
      List.of(Feature.ACTIVE_MONTHS, Feature.TX_COUNT)),
  CR23(
      "Your borrowing history is short: credit loans held over time build it",
      List.of(Feature.CREDIT_HISTORY_DAYS)),
  CR24(
      "Credit experience on few lending protocols or chains",
      List.of(Feature.CREDIT_PROTOCOLS, Feature.CREDIT_CHAINS)),
  CR25(
      "A low share of your past-due debt was repaid (weighted by amount and time outstanding)",
      List.of(Feature.REPAID_SHARE)),
  CR26(
      "Liquidations in your lending history (they count for less as they age)",
      List.of(
          Feature.LIQUIDATION_COUNT,
          Feature.LIQUIDATED_SHARE,
          Feature.DAYS_SINCE_LAST_LIQUIDATION)),
  CR27(
      "A current position is close to liquidation: add collateral or repay to raise its health"
          + " factor",
      List.of(Feature.MIN_HEALTH_FACTOR)),
  CR28("Your loans have run at a high loan-to-value", List.of(Feature.PEAK_LTV)),
  CR29(
      "Your collateral is mostly volatile assets (little stablecoin collateral)",
      List.of(Feature.STABLECOIN_COLLATERAL_SHARE)),
  CR30(
      "Much of your borrowing was repaid within a day (loops do not count as credit history)",
      List.of(Feature.SHORT_CYCLE_SHARE)),
  CR31(
      "A wallet you did not link that sent funds to or received funds from yours was liquidated"
          + " or borrows at higher risk; it counts as if you had linked it",
      List.of());

  private final String text;
  private final List<Feature> features;

  ReasonCode(String text, List<Feature> features) {
    this.text = text;
    this.features = features;
  }

  /** Plain-English text for an adverse-action notice. */
  public String text() {
    return text;
  }

  /** The features whose lost points this code explains; empty for {@link #CR31}. */
  public List<Feature> features() {
    return features;
  }

  /** The code of a feature's own shortfall; every feature has exactly one (never {@link #CR31}). */
  public static ReasonCode forFeature(Feature feature) {
    for (ReasonCode c : values()) {
      if (c.features.contains(feature)) {
        return c;
      }
    }
    throw new IllegalStateException("no reason code for " + feature);
  }
}
