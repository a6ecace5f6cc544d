package io.credence.scoring.zk;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.scoring.artifact.ModelArtifacts;
import io.credence.scoring.data.LabelledBorrower;
import io.credence.scoring.features.FeatureVector;
import io.credence.scoring.scorecard.InsufficientHistoryException;
import io.credence.scoring.scorecard.Scorecard;
import io.credence.scoring.simulation.BorrowerSimulator;
import io.credence.scoring.simulation.SimulationConfig;
import io.credence.zk.PublicModel;
import io.credence.zk.ScorecardModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * zk's scorecard circuit computes exactly what {@link Scorecard#score} computes, on the bundled
 * model, for 100,000 simulated borrowers: for each one the circuit's witness (quantised features,
 * one-hot bins, bit decompositions, clamp) satisfies every constraint and its score output equals
 * the scoring module's score.
 */
class ScorecardCircuitAgreementTest {

  static final int BORROWERS = 100_000;

  @Test
  void circuitAndScorecardAgreeOnOneHundredThousandSimulatedBorrowers() {
    Scorecard scorecard = ModelArtifacts.loadBundled().scorecard();
    PublicModel circuit = ZkScorecards.publicModel(scorecard);
    ScorecardModel model = circuit.scorecard();
    List<LabelledBorrower> rows =
        BorrowerSimulator.simulate(SimulationConfig.of(15, BORROWERS)).rows();
    assertThat(rows).hasSize(BORROWERS);
    AtomicInteger scorable = new AtomicInteger();
    rows.parallelStream()
        .forEach(
            row -> {
              FeatureVector fv = row.features();
              double[] raw = ZkScorecards.raw(fv);
              long expected = scorecard.points(fv);
              // evaluate() throws if the witness violates any constraint.
              assertThat(circuit.evaluate(raw)).as("%s", fv).isEqualTo(expected);
              long[] q = new long[raw.length];
              for (int i = 0; i < q.length; i++) {
                q[i] = model.quantise(i, raw[i]);
              }
              assertThat(model.score(q)).isEqualTo(expected);
              try {
                assertThat(scorecard.score(fv).score()).isEqualTo((int) expected);
                scorable.incrementAndGet();
              } catch (InsufficientHistoryException e) {
                // Not scorable: the platform shows no score, so nothing is proven; points still
                // agree.
              }
            });
    // The sample exercises the scorable population, not only unscorable thin files.
    assertThat(scorable.get()).isGreaterThan(BORROWERS / 2);
  }

  @Test
  void theBundledModelFitsTheCircuit() {
    Scorecard scorecard = ModelArtifacts.loadBundled().scorecard();
    ScorecardModel model = ZkScorecards.model(scorecard);
    assertThat(model.characteristics())
        .hasSize(scorecard.definition().characteristics().size())
        .hasSize(io.credence.scoring.features.Feature.values().length);
    assertThat(model.basePoints()).isEqualTo(scorecard.definition().baseScore());
  }
}
