package io.credence.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BandSchemeTest {

  @Test
  void defaultBandsCoverTheScale() {
    BandScheme b = BandScheme.DEFAULT;
    assertThat(b.bandOf(850).name()).isEqualTo("A");
    assertThat(b.bandOf(750).name()).isEqualTo("A");
    assertThat(b.bandOf(749).name()).isEqualTo("B");
    assertThat(b.bandOf(670).name()).isEqualTo("B");
    assertThat(b.bandOf(669).name()).isEqualTo("C");
    assertThat(b.bandOf(579).name()).isEqualTo("D");
    assertThat(b.bandOf(300).name()).isEqualTo("D");
    assertThatThrownBy(() -> b.bandOf(299)).hasMessageContaining("outside every band");
  }

  @Test
  void bandsAreConfigurationButMustBeContiguous() {
    BandScheme two = new BandScheme(List.of(new Band("LOW", 300, 599), new Band("HIGH", 600, 850)));
    assertThat(two.bandOf(600).name()).isEqualTo("HIGH");
    assertThat(two.bands().get(0).name()).as("best band first").isEqualTo("HIGH");
    assertThatThrownBy(
            () -> new BandScheme(List.of(new Band("X", 300, 600), new Band("Y", 600, 850))))
        .hasMessageContaining("contiguous");
    assertThatThrownBy(
            () -> new BandScheme(List.of(new Band("X", 300, 590), new Band("Y", 600, 850))))
        .hasMessageContaining("contiguous");
  }

  @Test
  void scalingDoublesTheOddsEveryFortyPoints() {
    ScoreScaling s = ScoreScaling.DEFAULT;
    double odds660 = (1 - s.probabilityOfDefault(660)) / s.probabilityOfDefault(660);
    double odds700 = (1 - s.probabilityOfDefault(700)) / s.probabilityOfDefault(700);
    assertThat(odds660).isCloseTo(20, within(1e-9));
    assertThat(odds700).isCloseTo(40, within(1e-9));
    assertThat(s.rawScore(Math.log(1.0 / 20))).isCloseTo(660, within(1e-9));
  }
}
