package io.credence.scoring.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.scoring.data.LabelledDataset;
import io.credence.scoring.features.Feature;
import org.junit.jupiter.api.Test;

class BorrowerSimulatorTest {

  @Test
  void theSameSeedGivesTheSameData() {
    LabelledDataset a = BorrowerSimulator.simulate(SimulationConfig.of(11, 1_500));
    LabelledDataset b = BorrowerSimulator.simulate(SimulationConfig.of(11, 1_500));
    LabelledDataset c = BorrowerSimulator.simulate(SimulationConfig.of(12, 1_500));

    assertThat(a).isEqualTo(b);
    assertThat(c.rows()).isNotEqualTo(a.rows());
  }

  @Test
  void borrowersLookLikeDeFiBorrowers() {
    LabelledDataset d = BorrowerSimulator.simulate(SimulationConfig.of(8, 2_000));

    assertThat(d.size()).isEqualTo(2_000);
    assertThat(d.defaultRate()).isBetween(0.02, 0.30);
    assertThat(d.rows().stream().filter(r -> r.features().get(Feature.CREDIT_HISTORY_DAYS) >= 90))
        .hasSizeGreaterThan(1_900);
    assertThat(d.rows())
        .anySatisfy(r -> assertThat(r.features().get(Feature.LIQUIDATION_COUNT)).isPositive());
    assertThat(d.rows())
        .anySatisfy(r -> assertThat(r.features().get(Feature.CREDIT_CHAINS)).isGreaterThan(2));
    assertThat(d.description())
        .contains("seed 8", "2000 borrowers", "months 22-24", "10% gaming borrowers");
  }

  @Test
  void gamingBorrowersKeepTheirOutcomeAndEveryStrategyIsPresent() {
    var honest = BorrowerSimulator.histories(SimulationConfig.of(8, 3_000).withAdversarialShare(0));
    var mixed = BorrowerSimulator.histories(SimulationConfig.of(8, 3_000));

    long gaming = mixed.stream().filter(b -> b.strategy() != null).count();
    assertThat(gaming).isBetween(220L, 380L);
    assertThat(mixed.stream().map(SimulatedBorrower::strategy).distinct())
        .contains(Adversary.values());
    for (int i = 0; i < honest.size(); i++) {
      assertThat(mixed.get(i).defaulted()).isEqualTo(honest.get(i).defaulted());
      if (mixed.get(i).strategy() == null) {
        assertThat(mixed.get(i).history()).isEqualTo(honest.get(i).history());
      }
    }
  }

  @Test
  void walletsGetAFundingDrawAndOnlyTheCleanWalletStrategyExportsRelatedWallets() {
    SimulationConfig config = SimulationConfig.of(8, 3_000).withAdversarialShare(0.5);
    var mixed = BorrowerSimulator.histories(config);
    var noneDirect = BorrowerSimulator.histories(config.withRelatedWalletShare(0));
    var honest = BorrowerSimulator.histories(config.withAdversarialShare(0));

    for (int i = 0; i < mixed.size(); i++) {
      SimulatedBorrower b = mixed.get(i);
      assertThat(b.funding())
          .as("one draw per chain lent on")
          .extracting(WalletFunding::chain)
          .doesNotHaveDuplicates()
          .isNotEmpty();
      assertThat(noneDirect.get(i).funding()).isEqualTo(b.funding());
      assertThat(noneDirect.get(i).history().related()).isEmpty();
      if (b.strategy() == null) {
        assertThat(b.history()).isEqualTo(honest.get(i).history());
      }
      if (b.strategy() != Adversary.CLEAN_WALLETS_ONLY) {
        assertThat(b.history().related()).isEmpty();
      }
      assertThat(b.history().related())
          .allSatisfy(
              r ->
                  assertThat(b.directLinks(config.relatedWalletShare()))
                      .extracting(WalletFunding::chain)
                      .contains(r.chain()));
    }
    assertThat(mixed)
        .filteredOn(b -> b.strategy() == Adversary.CLEAN_WALLETS_ONLY)
        .anySatisfy(b -> assertThat(b.history().related()).isNotEmpty());
    double direct =
        mixed.stream().flatMap(b -> b.funding().stream()).filter(f -> f.isDirect(0.5)).count()
            / (double) mixed.stream().mapToLong(b -> b.funding().size()).sum();
    assertThat(direct).isBetween(0.45, 0.55);
    assertThat(config.describe()).contains("50% of wallets directly related by transfers");
  }

  @Test
  void aShareOutsideZeroToOneIsRefused() {
    SimulationConfig config = SimulationConfig.of(8, 10);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> config.withRelatedWalletShare(1.01))
        .hasMessage("relatedWalletShare must be in [0, 1]");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> config.withRelatedWalletShare(Double.NaN))
        .hasMessage("relatedWalletShare must be in [0, 1]");
  }

  @Test
  void theMarketSwitchesBetweenVolatilityRegimes() {
    MarketPath m = MarketPath.simulate(8, 720);
    var regimes =
        java.util.stream.IntStream.rangeClosed(0, 720).mapToObj(m::regime).distinct().toList();

    assertThat(regimes).contains(MarketPath.Regime.CALM, MarketPath.Regime.TURBULENT);
    assertThat(m.price(MarketPath.Asset.USDC, 720)).isEqualTo(1.0);
    assertThat(m.price(MarketPath.Asset.WETH, 720)).isNotEqualTo(m.price(MarketPath.Asset.WETH, 0));
  }
}
