package io.credence.scoring.artifact;

import java.util.Map;
import java.util.Objects;

/**
 * Where a model came from.
 *
 * @param trainingData description of the training data (simulation parameters, or the CSV file
 *     name, SHA-256 and row count)
 * @param trainingRows rows in the training split
 * @param seed training seed
 * @param trainerConfig trainer parameters
 * @param featureSchemaVersion feature schema version
 * @param tribuoProvenance Tribuo's provenance of the logistic-regression model (trainer class and
 *     configuration, dataset provenance, Tribuo version), as nested maps of strings. Fields that
 *     depend on the machine or the wall clock ({@code trained-at}, Java version, OS) are left out
 *     so that the model id depends only on data, seed and configuration.
 */
public record ArtifactProvenance(
    String trainingData,
    long trainingRows,
    long seed,
    Map<String, Object> trainerConfig,
    String featureSchemaVersion,
    Map<String, Object> tribuoProvenance) {
  public ArtifactProvenance {
    Objects.requireNonNull(trainingData, "trainingData");
    Objects.requireNonNull(featureSchemaVersion, "featureSchemaVersion");
    trainerConfig = Map.copyOf(trainerConfig);
    tribuoProvenance = Map.copyOf(tribuoProvenance);
  }
}
