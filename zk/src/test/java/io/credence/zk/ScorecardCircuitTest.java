package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The circuit without proving: quantisation, witness satisfaction, and unsatisfiable cheats. */
class ScorecardCircuitTest {

  private static final ScorecardModel MODEL = TestScorecards.BUNDLED_LIKE;

  /** The floating-point rule of the scoring module: sanitize, then count edges below x. */
  private static int floatBin(ScorecardModel.Characteristic c, double raw) {
    double x = Double.isNaN(raw) ? c.missingValue() : Math.max(c.min(), Math.min(c.max(), raw));
    int j = 0;
    for (double e : c.upperEdges()) {
      if (x > e) {
        j++;
      }
    }
    return j;
  }

  private static long[] quantise(double[] raw) {
    long[] q = new long[raw.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = MODEL.quantise(i, raw[i]);
    }
    return q;
  }

  @Test
  void quantisedBinsEqualFloatingPointBinsAtAndAroundEveryEdge() {
    Random r = new Random(3);
    for (int n = 0; n < 20_000; n++) {
      double[] raw = TestScorecards.randomFeatures(MODEL, r);
      for (int i = 0; i < raw.length; i++) {
        ScorecardModel.Characteristic c = MODEL.characteristics().get(i);
        long q = c.quantise(raw[i]);
        assertThat(c.binOf(q)).as("%s = %s", c.name(), raw[i]).isEqualTo(floatBin(c, raw[i]));
        assertThat(q).isBetween(c.lower(), c.upper());
      }
    }
  }

  @Test
  void quantisationIsWithinOneUnitAndRoundsUpOnlyAboveAnEdgeInTheSameCell() {
    ScorecardModel.Characteristic repay = MODEL.characteristics().get(7);
    double e = repay.upperEdges().get(0); // 0.2768583…, cell 2768
    assertThat(repay.quantise(e)).isEqualTo(2768);
    assertThat(repay.quantise(Math.nextUp(e))).isEqualTo(2769);
    assertThat(repay.quantise(0.27681)).isEqualTo(2768);
    assertThat(repay.quantise(0.5)).isEqualTo(5000);
    assertThat(repay.quantise(Double.NaN)).isEqualTo(10_000); // missing: never borrowed → 1
    assertThat(repay.quantise(7)).isEqualTo(20_000); // clamped to max 2
    ScorecardModel.Characteristic net = MODEL.characteristics().get(15);
    assertThat(net.quantise(-12.5)).isEqualTo(-13);
    assertThat(net.quantise(-1e12)).isEqualTo(-10_000_000_000L);
  }

  @Test
  void witnessSatisfiesTheCircuitAndItsScoreIsTheModelsScore() {
    Random r = new Random(5);
    for (int n = 0; n < 300; n++) {
      long[] q = quantise(TestScorecards.randomFeatures(MODEL, r));
      ConstraintSystem cs = ScorecardCircuit.publicModel(MODEL, q);
      assertThat(cs.isSatisfied()).isTrue();
      assertThat(cs.committedValue(q.length).longValueExact()).isEqualTo(MODEL.score(q));
    }
  }

  @Test
  void privateModeWitnessSatisfiesTheCircuit() {
    Random r = new Random(6);
    ScorecardCircuit.Shape shape = ScorecardCircuit.Shape.of(MODEL);
    for (int n = 0; n < 50; n++) {
      long[] q = quantise(TestScorecards.randomFeatures(MODEL, r));
      assertThat(ScorecardCircuit.privateModel(shape, MODEL, q).isSatisfied()).isTrue();
    }
  }

  @Test
  void aFeatureMovedToANeighbouringBinLeavesTheCircuitUnsatisfied() {
    // Every characteristic, every bin: claim the neighbouring bin (with its points in the score).
    Random r = new Random(9);
    for (int trial = 0; trial < 40; trial++) {
      long[] q = quantise(TestScorecards.randomFeatures(MODEL, r));
      for (int i = 0; i < q.length; i++) {
        ScorecardModel.Characteristic c = MODEL.characteristics().get(i);
        int honest = c.binOf(q[i]);
        for (int cheat : new int[] {honest - 1, honest + 1}) {
          if (cheat < 0 || cheat >= c.bins()) {
            continue;
          }
          int[] bins = new int[q.length];
          for (int k = 0; k < q.length; k++) {
            bins[k] = MODEL.characteristics().get(k).binOf(q[k]);
          }
          bins[i] = cheat;
          long total = MODEL.basePoints();
          for (int k = 0; k < q.length; k++) {
            total += MODEL.characteristics().get(k).points().get(bins[k]);
          }
          long score = Math.max(MODEL.minScore(), Math.min(MODEL.maxScore(), total));
          assertThat(ScorecardCircuit.publicModel(MODEL, q, bins, score).isSatisfied())
              .as("%s moved from bin %d to %d", c.name(), honest, cheat)
              .isFalse();
        }
      }
    }
  }

  @Test
  void anotherScoreLeavesTheCircuitUnsatisfied() {
    long[] q = quantise(TestScorecards.randomFeatures(MODEL, new Random(10)));
    int[] bins = new int[q.length];
    for (int k = 0; k < q.length; k++) {
      bins[k] = MODEL.characteristics().get(k).binOf(q[k]);
    }
    long score = MODEL.score(q);
    assertThat(ScorecardCircuit.publicModel(MODEL, q, bins, score).isSatisfied()).isTrue();
    for (long other : new long[] {score - 1, score + 1, 300, 850, 0}) {
      if (other != score) {
        assertThat(ScorecardCircuit.publicModel(MODEL, q, bins, other).isSatisfied()).isFalse();
      }
    }
  }

  @Test
  void clampIsEnforcedAtBothEnds() {
    ScorecardModel m =
        new ScorecardModel(
            300,
            300,
            850,
            List.of(
                new ScorecardModel.Characteristic(
                    "x", 1, -1000, 1000, 0, List.of(0.0, 10.0), List.of(-50L, 0L, 700L))));
    for (long x : new long[] {-1000, -1, 0, 5, 10, 11, 1000}) {
      long[] q = {x};
      ConstraintSystem cs = ScorecardCircuit.publicModel(m, q);
      assertThat(cs.isSatisfied()).as("x = %d", x).isTrue();
      assertThat(cs.committedValue(1).longValueExact())
          .isEqualTo(x <= 0 ? 300 : x <= 10 ? 300 : 850);
      int[] bins = {m.characteristics().get(0).binOf(x)};
      long unclamped = 300 + m.characteristics().get(0).points().get(bins[0]);
      if (unclamped != m.score(q)) {
        assertThat(ScorecardCircuit.publicModel(m, q, bins, unclamped).isSatisfied()).isFalse();
      }
    }
  }

  @Test
  void badModelsAreRejectedWithAClearMessage() {
    assertThatThrownBy(
            () ->
                new ScorecardModel.Characteristic(
                    "r", 10, 0, 1, 0, List.of(0.51, 0.52), List.of(0L, 1L, 2L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("distinct cells");
    assertThatThrownBy(
            () -> new ScorecardModel.Characteristic("r", 1, 0, 1, 0, List.of(), List.of(0L, 1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one more bin");
    assertThatThrownBy(
            () -> new ScorecardModel.Characteristic("r", 0, 0, 1, 0, List.of(0.5), List.of(0L, 1L)))
        .hasMessageContaining("scale");
    assertThatThrownBy(() -> new ScorecardModel(0, 850, 300, MODEL.characteristics()))
        .hasMessageContaining("minScore");
    assertThatThrownBy(() -> MODEL.score(new long[3])).hasMessageContaining("expected 16");
  }

  @Test
  void evaluateRunsTheCircuitAndRejectsAWrongFeatureCount() {
    PublicModel pm = new PublicModel(TestScorecards.MODEL_ID, MODEL);
    double[] raw = TestScorecards.randomFeatures(MODEL, new Random(12));
    assertThat(pm.evaluate(raw)).isEqualTo(MODEL.score(quantise(raw)));
    assertThatThrownBy(() -> pm.evaluate(new double[15]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected 16 feature values, got 15");
    assertThatThrownBy(() -> new PublicModel(new byte[31], MODEL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a model id is 32 bytes");
  }

  @Test
  void circuitSizeOfTheBundledShape() {
    ConstraintSystem pub = ScorecardCircuit.publicModel(MODEL, null);
    assertThat(pub.paddedGates()).isEqualTo(512);
    assertThat(pub.gates()).isLessThanOrEqualTo(512);
  }
}
