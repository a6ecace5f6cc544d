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
    assertThat(d.rows())
        .allSatisfy(r -> assertThat(r.features().get(Feature.BORROW_COUNT)).isPositive());
    assertThat(d.rows())
        .anySatisfy(r -> assertThat(r.features().get(Feature.LIQUIDATION_COUNT)).isPositive());
    assertThat(d.rows())
        .anySatisfy(r -> assertThat(r.features().get(Feature.CHAINS_ACTIVE)).isGreaterThan(2));
    assertThat(d.description()).contains("seed 8", "2000 borrowers", "months 22-24");
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
