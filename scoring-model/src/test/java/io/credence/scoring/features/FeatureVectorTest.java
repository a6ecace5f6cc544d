package io.credence.scoring.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureVectorTest {

  @Test
  void missingFeaturesGetTheRiskiestValueAndTheExtractorPathCaps() {
    FeatureVector v =
        FeatureVector.of(
            Map.of(
                Feature.PEAK_LTV, 7.0, Feature.WALLET_AGE_DAYS, 5e6, Feature.TX_COUNT, Double.NaN));

    assertThat(v.get(Feature.PEAK_LTV)).isEqualTo(1.5);
    assertThat(v.get(Feature.WALLET_AGE_DAYS)).isEqualTo(3650);
    assertThat(v.get(Feature.TX_COUNT)).isEqualTo(0);
    assertThat(v.get(Feature.MIN_HEALTH_FACTOR))
        .as("missing health: riskiest, not 'no debt'")
        .isZero();
    assertThat(v.get(Feature.DAYS_SINCE_LAST_LIQUIDATION)).isZero();
    assertThat(v.get(Feature.LIQUIDATION_COUNT)).isEqualTo(10_000);
  }

  @Test
  void everyMissingValueIsTheRiskiestEndOfItsRange() {
    for (Feature f : Feature.values()) {
      assertThat(f.missingValue())
          .as(f.name())
          .isEqualTo(f.riskDirection() == Feature.RiskDirection.FALLS ? f.min() : f.max());
    }
  }

  @Test
  void externalInputIsRefusedOutsideTheRangeNotClamped() {
    assertThatThrownBy(() -> FeatureVector.validated(Map.of(Feature.TX_COUNT, -1.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("feature 'tx_count' must be between 0 and 1200 transactions, was -1");
    assertThatThrownBy(() -> FeatureVector.validated(Map.of(Feature.PEAK_LTV, 1.7)))
        .hasMessageContaining("'peak_ltv' must be between 0 and 1.5");
    assertThatThrownBy(
            () ->
                FeatureVector.validated(
                    Map.of(Feature.MIN_HEALTH_FACTOR, Double.POSITIVE_INFINITY)))
        .hasMessageContaining("min_health_factor");
    FeatureVector ok = FeatureVector.validated(Map.of(Feature.PEAK_LTV, 1.5));
    assertThat(ok.get(Feature.PEAK_LTV)).isEqualTo(1.5);
    assertThat(ok.get(Feature.MIN_HEALTH_FACTOR)).isZero();
  }

  @Test
  void columnsFollowTheSchemaOrderAndAreUnique() {
    assertThat(FeatureVector.of(Map.of()).toColumnMap().keySet())
        .containsExactlyElementsOf(FeatureSchema.FEATURES.stream().map(Feature::column).toList());
    assertThat(Feature.byColumn("min_health_factor")).isEqualTo(Feature.MIN_HEALTH_FACTOR);
    assertThatThrownBy(() -> Feature.byColumn("credit_card_limit"))
        .hasMessageContaining("unknown feature column 'credit_card_limit'");
  }

  @Test
  void everyFeatureHasAUnitAValidRangeAndAMissingValueInside() {
    for (Feature f : Feature.values()) {
      assertThat(f.unit()).isNotBlank();
      assertThat(f.min()).isLessThan(f.max());
      assertThat(f.missingValue()).isBetween(f.min(), f.max());
      assertThat(f.missingMeaning()).isNotBlank();
      assertThat(f.description()).isNotBlank();
    }
  }

  @Test
  void rejectsAWrongNumberOfValues() {
    assertThatThrownBy(() -> FeatureVector.of(1, 2, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
