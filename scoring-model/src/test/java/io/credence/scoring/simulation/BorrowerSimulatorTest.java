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
  void theMarketSwitchesBetweenVolatilityRegimes() {
    MarketPath m = MarketPath.simulate(8, 720);
    var regimes =
        java.util.stream.IntStream.rangeClosed(0, 720).mapToObj(m::regime).distinct().toList();

    assertThat(regimes).contains(MarketPath.Regime.CALM, MarketPath.Regime.TURBULENT);
    assertThat(m.price(MarketPath.Asset.USDC, 720)).isEqualTo(1.0);
    assertThat(m.price(MarketPath.Asset.WETH, 720)).isNotEqualTo(m.price(MarketPath.Asset.WETH, 0));
  }
}
