package io.credence.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.scoring.training.MonotoneBinning.Direction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonotoneBinningTest {

  @Test
  void findsTheLargestReversalAgainstTheDirection() {
    double[] risk = {0.30, 0.20, 0.25, 0.10, 0.18};
    assertThat(MonotoneBinning.worstReversal(risk, Direction.RISK_FALLS)).isEqualTo(3);
    assertThat(MonotoneBinning.worstReversal(risk, Direction.RISK_RISES)).isEqualTo(2);
    assertThat(MonotoneBinning.worstReversal(risk, Direction.NONE)).isEqualTo(-1);
    assertThat(MonotoneBinning.worstReversal(new double[] {3, 2, 2, 1}, Direction.RISK_FALLS))
        .isEqualTo(-1);
  }

  @Test
  void poolsBinsUntilDefaultRatesFallWithTheValue() {
    // values 0..9, one row each; defaults at 0, 1, 4 and 5: rates per bin (edges 1, 3, 5, 7)
    // are 1, 0, 1, 0, 0 -> the reversal between bins 1 and 2 is merged away.
    double[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    boolean[] bad = {true, true, false, false, true, true, false, false, false, false};
    List<Double> edges = new ArrayList<>(List.of(1.0, 3.0, 5.0, 7.0));

    MonotoneBinning.poolByDefaultRate(edges, values, bad, Direction.RISK_FALLS);

    assertThat(edges).containsExactly(1.0, 5.0, 7.0); // rates 1, 0.5, 0, 0
  }
}
