package io.credence.scoring.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {

  private static final boolean[] BAD = {false, false, true, false, true};

  @Test
  void aucIsTheShareOfBadGoodPairsRankedCorrectly() {
    assertThat(
            Metrics.auc(
                new double[] {1, 2, 3, 4, 5}, new boolean[] {false, false, false, true, true}))
        .isEqualTo(1.0);
    assertThat(
            Metrics.auc(
                new double[] {5, 4, 3, 2, 1}, new boolean[] {false, false, false, true, true}))
        .isEqualTo(0.0);
    // pairs (bad, good): bad 0.3 beats 0.1, 0.2, loses to 0.4; bad 0.9 beats all three -> 5/6
    assertThat(Metrics.auc(new double[] {0.1, 0.2, 0.3, 0.4, 0.9}, BAD))
        .isCloseTo(5.0 / 6, within(1e-12));
    assertThat(Metrics.auc(new double[] {1, 1, 1, 1, 1}, BAD))
        .as("ties count one half")
        .isEqualTo(0.5);
  }

  @Test
  void ksIsTheLargestGapBetweenCumulativeShares() {
    assertThat(
            Metrics.ks(
                new double[] {1, 2, 3, 4, 5}, new boolean[] {false, false, false, true, true}))
        .isEqualTo(1.0);
    // goods at 0.1, 0.2, 0.4; bads at 0.3, 0.9: after 0.2 goods 2/3, bads 0 -> 2/3
    assertThat(Metrics.ks(new double[] {0.1, 0.2, 0.3, 0.4, 0.9}, BAD))
        .isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void brierIsTheMeanSquaredError() {
    assertThat(Metrics.brier(new double[] {0, 0, 1, 0, 1}, BAD)).isEqualTo(0.0);
    assertThat(Metrics.brier(new double[] {0.5, 0.5, 0.5, 0.5, 0.5}, BAD)).isEqualTo(0.25);
  }
}
