package io.credence.zk;

import java.util.List;
import java.util.Random;

/**
 * A 16-characteristic scorecard with the bins, points, scales and feature ranges of the bundled
 * Credence model (scoring-model's scorecard.json, id 4044db01…), copied as plain numbers because zk
 * does not depend on scoring-model. scoring-model's own tests check the real artifact.
 */
final class TestScorecards {

  private TestScorecards() {}

  static final ScorecardModel BUNDLED_LIKE =
      new ScorecardModel(
          376,
          300,
          850,
          List.of(
              c("wallet_age_days", 1, 0, 3650, 0, List.of(812.0, 941.0), 0, 1, 3),
              c("active_months", 1, 0, 120, 0, List.of(23.0, 34.0), 0, 7, 24),
              c("tx_count", 1, 0, 1e6, 0, List.of(70.0, 120.0, 267.0, 436.0), 0, 5, 12, 17, 33),
              c("chains_active", 1, 0, 50, 0, List.of(2.0), 0, 3),
              c("protocols_used", 1, 0, 50, 0, List.of(), 0),
              c(
                  "borrow_count",
                  1,
                  0,
                  100_000,
                  0,
                  List.of(4.0, 6.0, 8.0, 10.0, 13.0),
                  10,
                  10,
                  3,
                  0,
                  0,
                  1),
              c(
                  "borrow_volume_usd",
                  1,
                  0,
                  1e10,
                  0,
                  List.of(
                      1488.400595827273,
                      3314.7113364811485,
                      6176.708943452635,
                      11642.934040139735,
                      25251.281715350662),
                  1,
                  0,
                  8,
                  10,
                  18,
                  28),
              c(
                  "repay_ratio",
                  10_000,
                  0,
                  2,
                  1,
                  List.of(
                      0.2768583003689384,
                      0.5336095790875706,
                      0.7012989233618805,
                      0.8157336686748031,
                      0.9050557012912316),
                  0,
                  44,
                  71,
                  106,
                  124,
                  134),
              c("liquidation_count", 1, 0, 10_000, 0, List.of(0.0, 2.0), 36, 33, 0),
              c("liquidation_volume_ratio", 10_000, 0, 1, 0, List.of(0.0), 14, 0),
              c("days_since_last_liquidation", 1, 0, 3650, 3650, List.of(172.0), 0, 22),
              c(
                  "current_debt_usd",
                  1,
                  0,
                  1e10,
                  0,
                  List.of(
                      160.23366525792275,
                      542.0120242837529,
                      1195.7312397138876,
                      2409.350010230476,
                      5625.18332054649),
                  2,
                  0,
                  4,
                  13,
                  14,
                  5),
              c(
                  "min_health_factor",
                  10_000,
                  0,
                  10,
                  10,
                  List.of(
                      1.506755165961583, 1.8788723714405478, 2.31664152820933, 2.9247141329630257),
                  0,
                  46,
                  67,
                  86,
                  124),
              c(
                  "peak_ltv",
                  10_000,
                  0,
                  1.5,
                  0,
                  List.of(0.6239597446747143, 0.7336481111665726, 0.8605949468517907),
                  24,
                  18,
                  5,
                  0),
              c("stablecoin_collateral_share", 10_000, 0, 1, 0, List.of(0.0), 0, 34),
              c(
                  "net_position_usd",
                  1,
                  -1e10,
                  1e10,
                  0,
                  List.of(
                      367.7165978244876,
                      1096.597817111305,
                      2246.3313586909408,
                      4485.6228067533,
                      9995.359161798475),
                  45,
                  34,
                  32,
                  15,
                  14,
                  0)));

  static final byte[] MODEL_ID = Bytes.keccak256(Bytes.ascii("test model id"));

  private static ScorecardModel.Characteristic c(
      String name,
      long scale,
      double min,
      double max,
      double missing,
      List<Double> edges,
      long... points) {
    return new ScorecardModel.Characteristic(
        name, scale, min, max, missing, edges, java.util.Arrays.stream(points).boxed().toList());
  }

  /**
   * Raw feature values: mostly near an edge (on it, one ulp either side, or a cell away), sometimes
   * anywhere in the range, sometimes missing or out of range.
   */
  static double[] randomFeatures(ScorecardModel m, Random rnd) {
    double[] x = new double[m.characteristics().size()];
    for (int i = 0; i < x.length; i++) {
      ScorecardModel.Characteristic c = m.characteristics().get(i);
      int pick = rnd.nextInt(10);
      if (pick == 0) {
        x[i] = Double.NaN;
      } else if (pick == 1) {
        x[i] = rnd.nextBoolean() ? c.max() * 2 + 1 : c.min() - 1;
      } else if (pick < 7 && !c.upperEdges().isEmpty()) {
        double e = c.upperEdges().get(rnd.nextInt(c.upperEdges().size()));
        x[i] =
            switch (rnd.nextInt(5)) {
              case 0 -> e;
              case 1 -> Math.nextUp(e);
              case 2 -> Math.nextDown(e);
              case 3 -> e + 1.0 / c.scale();
              default -> e - 1.0 / c.scale();
            };
      } else {
        double span = Math.min(c.max() - c.min(), 1e5);
        x[i] = c.min() + rnd.nextDouble() * span;
      }
    }
    return x;
  }
}
