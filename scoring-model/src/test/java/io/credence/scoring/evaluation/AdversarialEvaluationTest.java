package io.credence.scoring.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.scoring.TestModels;
import io.credence.scoring.evaluation.AdversarialEvaluation.StrategyResult;
import io.credence.scoring.simulation.Adversary;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Acceptance: what each gaming strategy buys the band-D borrowers of the held-out split. */
class AdversarialEvaluationTest {

  static final Map<String, StrategyResult> RESULTS =
      AdversarialEvaluation.evaluate(
              TestModels.model().scorecard(),
              TestModels.heldOutHistories(),
              SyntheticValidation.ADVERSARY_SEED)
          .stream()
          .collect(Collectors.toMap(StrategyResult::strategy, Function.identity()));

  @Test
  void everyStrategyIsTriedOnEveryHonestBandDBorrower() {
    assertThat(RESULTS.keySet())
        .containsExactlyInAnyOrder(
            List.of(Adversary.values()).stream().map(Enum::name).toArray(String[]::new));
    assertThat(RESULTS.values()).allSatisfy(r -> assertThat(r.borrowers()).isGreaterThan(300));
  }

  @Test
  void cheapStrategiesBuyAtMost30PointsAndAtMostOneBand() {
    for (Adversary a :
        List.of(Adversary.WASH_TRADER, Adversary.DUST_COLLATERAL, Adversary.TX_SPAMMER)) {
      StrategyResult r = RESULTS.get(a.name());
      assertThat(r.applicable()).as(a.name()).isEqualTo(r.borrowers());
      assertThat(r.worstUplift()).as(a.name()).isLessThanOrEqualTo(30);
      assertThat(r.maxBandsCrossed()).as(a.name()).isLessThanOrEqualTo(1);
      assertThat(r.bandACount()).as(a.name()).isZero();
    }
  }

  @Test
  void aFarmedThinFileIsNeverScored() {
    StrategyResult r = RESULTS.get(Adversary.THIN_FILE_FARMER.name());

    assertThat(r.refused()).isEqualTo(r.applicable()).isEqualTo(r.borrowers());
    assertThat(r.bandACount()).isZero();
  }

  @Test
  void hidingLiquidatedWalletsThatTheSyncFindsBuysAtMost30PointsAndOneBandAtEveryShare() {
    var rows =
        AdversarialEvaluation.relatedWalletSensitivity(
            TestModels.model().scorecard(),
            TestModels.heldOutHistories(),
            AdversarialEvaluation.RELATED_WALLET_SHARES);
    StrategyResult hiding = RESULTS.get(Adversary.CLEAN_WALLETS_ONLY.name());

    assertThat(rows).hasSize(5);
    for (var r : rows) {
      String share = "share " + r.relatedWalletShare();
      assertThat(r.all().applicable()).as(share).isEqualTo(hiding.applicable()).isPositive();
      assertThat(r.detected().applicable() + r.partly().applicable() + r.undetected().applicable())
          .as(share)
          .isEqualTo(r.all().applicable());
      assertThat(r.detected().worstUplift()).as(share).isLessThanOrEqualTo(30);
      assertThat(r.detected().maxBandsCrossed()).as(share).isLessThanOrEqualTo(1);
      assertThat(r.detected().bandACount()).as(share).isZero();
    }
    assertThat(rows.get(0).detected().applicable()).as("nothing is related at 0%").isZero();
    assertThat(rows)
        .as("the shares are nested: more related wallets, more detected")
        .extracting(r -> r.detected().applicable())
        .isSorted();
    assertThat(rows.get(4).detected().applicable())
        .isGreaterThan(rows.get(2).detected().applicable());
    assertThat(rows.get(4).belowMinimum())
        .as("at 100%, a borrower goes unseen only through links below the minimum")
        .isGreaterThanOrEqualTo(
            rows.get(4).undetected().applicable() + rows.get(4).partly().applicable());
  }

  @Test
  void hidingThroughAnExchangeIsTheOldUndetectableCase() {
    StrategyResult viaExchange = RESULTS.get(Adversary.CLEAN_WALLETS_VIA_EXCHANGE.name());
    StrategyResult related = RESULTS.get(Adversary.CLEAN_WALLETS_ONLY.name());
    var ignored =
        AdversarialEvaluation.evaluate(
                TestModels.model().scorecard(),
                TestModels.heldOutHistories(),
                SyntheticValidation.ADVERSARY_SEED,
                0.5,
                false)
            .stream()
            .collect(Collectors.toMap(StrategyResult::strategy, Function.identity()));

    assertThat(viaExchange.applicable()).isEqualTo(related.applicable());
    assertThat(ignored.get(Adversary.CLEAN_WALLETS_ONLY.name()))
        .as("without the policy, found related wallets change nothing")
        .usingRecursiveComparison()
        .ignoringFields("strategy", "description")
        .isEqualTo(viaExchange);
    assertThat(related.meanUplift()).isLessThan(viaExchange.meanUplift());
  }

  @Test
  void aStrangersMinimumPaymentIsNamedWhenItCostsPoints() {
    var r =
        AdversarialEvaluation.strangerPayment(
            TestModels.model().scorecard(), TestModels.heldOutHistories());

    assertThat(r.borrowers()).isGreaterThan(1_000);
    assertThat(r.meanLoss()).isPositive();
    assertThat(r.worstLoss()).isGreaterThanOrEqualTo((int) Math.ceil(r.meanLoss()));
    assertThat(r.lostPoints()).isPositive();
    assertThat(r.reasonNamed())
        .as("everyone who lost points is told why")
        .isEqualTo(r.lostPoints());
    assertThat(r.droppedBand()).isLessThanOrEqualTo(r.lostPoints());
  }

  @Test
  void theBaselineOfTheSchemaOneModelIsRecordedForEveryStrategyOfItsTime() {
    var before = SyntheticValidation.baseline();

    assertThat(before.keySet())
        .containsAll(
            RESULTS.keySet().stream()
                .filter(s -> !s.equals(Adversary.CLEAN_WALLETS_VIA_EXCHANGE.name()))
                .toList())
        .doesNotContain(Adversary.CLEAN_WALLETS_VIA_EXCHANGE.name());
    assertThat(before.get("WASH_TRADER").worstUplift()).isEqualTo(179);
    assertThat(before.get("THIN_FILE_FARMER").bandACount()).isEqualTo(2_900);
  }
}
