package io.credence.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QuantileBinningTest {

  @Test
  void cutsDistinctValuesIntoEqualSizedBins() {
    double[] values = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();
    assertThat(QuantileBinning.edges(values, 4, 0.0)).containsExactly(25.0, 50.0, 75.0);
  }

  @Test
  void tiesMergeBinsAndAConstantColumnHasOneBin() {
    double[] mostlyZero = new double[100];
    for (int i = 90; i < 100; i++) {
      mostlyZero[i] = i;
    }
    assertThat(QuantileBinning.edges(mostlyZero, 5, 0.0)).containsExactly(0.0);
    assertThat(QuantileBinning.edges(new double[50], 5, 0.0)).isEmpty();
  }

  @Test
  void binsSmallerThanTheMinimumShareAreMerged() {
    double[] values = new double[100];
    for (int i = 0; i < 100; i++) {
      values[i] = i < 97 ? 0 : 1; // the top bin would hold 3% of rows
    }
    assertThat(QuantileBinning.edges(values, 5, 0.05)).isEmpty();
    assertThat(QuantileBinning.edges(values, 5, 0.02)).containsExactly(0.0);
  }
}
