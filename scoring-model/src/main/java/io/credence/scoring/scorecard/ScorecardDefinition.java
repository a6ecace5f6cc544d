package io.credence.scoring.scorecard;

import io.credence.scoring.features.Feature;
import io.credence.scoring.features.FeatureSchema;
import java.util.List;
import java.util.Objects;

/**
 * Everything that defines a scorecard: {@code score = clamp(baseScore + sum of points)}.
 *
 * @param featureSchemaVersion the {@link FeatureSchema#VERSION} it was trained on
 * @param scaling how log-odds map to points
 * @param bands the band configuration
 * @param baseScore integer base points
 * @param intercept the float model's log-odds-of-default intercept
 * @param characteristics one per feature, in schema order
 */
public record ScorecardDefinition(
    String featureSchemaVersion,
    ScoreScaling scaling,
    BandScheme bands,
    int baseScore,
    double intercept,
    List<Characteristic> characteristics) {

  /**
   * @throws IllegalArgumentException if the schema version is not the current one or the
   *     characteristics do not list every feature once in schema order
   */
  public ScorecardDefinition {
    Objects.requireNonNull(scaling, "scaling");
    Objects.requireNonNull(bands, "bands");
    if ("1".equals(featureSchemaVersion)) {
      throw new IllegalArgumentException(FeatureSchema.RETIRED_VERSIONS_MESSAGE);
    }
    if (!FeatureSchema.VERSION.equals(featureSchemaVersion)) {
      throw new IllegalArgumentException(
          "feature schema version "
              + featureSchemaVersion
              + " is not supported (current: "
              + FeatureSchema.VERSION
              + ")");
    }
    characteristics = List.copyOf(characteristics);
    List<Feature> features = characteristics.stream().map(Characteristic::feature).toList();
    if (!features.equals(FeatureSchema.FEATURES)) {
      throw new IllegalArgumentException("characteristics must follow the schema: " + features);
    }
    if (scaling.minScore() != bands.minScore() || scaling.maxScore() != bands.maxScore()) {
      throw new IllegalArgumentException("bands must cover exactly the score range");
    }
  }
}
