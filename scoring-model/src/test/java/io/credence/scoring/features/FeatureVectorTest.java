package io.credence.scoring.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureVectorTest {

  @Test
  void missingFeaturesGetTheirDocumentedValueAndOthersAreClamped() {
    FeatureVector v =
        FeatureVector.of(
            Map.of(
                Feature.PEAK_LTV,
                7.0,
                Feature.NET_POSITION_USD,
                -5e12,
                Feature.TX_COUNT,
                Double.NaN));

    assertThat(v.get(Feature.PEAK_LTV)).isEqualTo(1.5);
    assertThat(v.get(Feature.NET_POSITION_USD)).isEqualTo(-1e10);
    assertThat(v.get(Feature.TX_COUNT)).isEqualTo(0);
    assertThat(v.get(Feature.DAYS_SINCE_LAST_LIQUIDATION)).isEqualTo(3650);
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
    }
  }

  @Test
  void rejectsAWrongNumberOfValues() {
    assertThatThrownBy(() -> FeatureVector.of(1, 2, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
