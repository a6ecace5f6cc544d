package io.credence.scoring.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.scoring.TestModels;
import io.credence.scoring.simulation.SimulationConfig;
import org.junit.jupiter.api.Test;

class SyntheticValidationTest {

  @Test
  void addsTheAdversarialStabilityAndPsiSectionsToTheReport() {
    EvaluationReport r =
        SyntheticValidation.validate(
            TestModels.model().scorecard(),
            TestModels.report(),
            SimulationConfig.of(TestModels.SEED, TestModels.BORROWERS),
            TestModels.heldOutHistories(),
            1_500);

    assertThat(r.adversarial())
        .hasSize(6)
        .allSatisfy(a -> assertThat(a.relatedIgnored()).isNotNull())
        .filteredOn(a -> !a.strategy().equals("CLEAN_WALLETS_VIA_EXCHANGE"))
        .allSatisfy(a -> assertThat(a.before()).isNotNull());
    assertThat(r.relatedWallets())
        .extracting(AdversarialEvaluation.RelatedWalletRow::relatedWalletShare)
        .containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
    assertThat(r.strangerPayment()).isNotNull();
    assertThat(r.stability())
        .extracting(EvaluationReport.PathRow::name)
        .containsExactly("seed 3", "seed 9", "seed 11", "out-of-time (+90 days)");
    assertThat(r.stability())
        .allSatisfy(
            p -> {
              assertThat(p.outcomeRegimes().values().stream().mapToDouble(d -> d).sum())
                  .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
              assertThat(p.aucCiLow()).isLessThanOrEqualTo(p.auc());
              assertThat(p.bandDefaultRates()).containsOnlyKeys("A", "B", "C", "D");
            });
    assertThat(r.laterCohortPsi()).isNotNull().isBetween(0.0, 1.0);
    assertThat(r.toMarkdown())
        .contains(
            "## Adversarial borrowers",
            "| WASH_TRADER",
            "## Related wallets: hiding liquidated wallets",
            "False positive of the minimum link",
            "## Stability: other market paths and a later window",
            "Population stability index");
    assertThat(r.toJson())
        .contains(
            "\"adversarial\"",
            "\"relatedWallets\"",
            "\"strangerPayment\"",
            "\"laterCohortPsi\"",
            "\"monitoring\"");
  }

  @Test
  void theMetricsHelpersGiveSensibleIntervals() {
    double[] w = Metrics.wilson(26, 3470);
    assertThat(w[0]).isCloseTo(0.0051, org.assertj.core.api.Assertions.within(0.0002));
    assertThat(w[1]).isCloseTo(0.0110, org.assertj.core.api.Assertions.within(0.0002));
    double[] a = Metrics.aucInterval(0.8722, 1335, 11465);
    assertThat(a[0]).isLessThan(0.8722).isGreaterThan(0.85);
    assertThat(
            Metrics.psi(
                new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
                new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}))
        .isZero();
  }
}
