package io.credence.scoring.artifact;

import io.credence.scoring.scorecard.ScorecardDefinition;
import java.util.Objects;

/**
 * The contents of a saved model: the scorecard and its provenance. Its identity is the SHA-256 of
 * its encoding ({@link ModelArtifacts#encode}).
 */
public record ModelArtifact(ScorecardDefinition scorecard, ArtifactProvenance provenance) {
  public ModelArtifact {
    Objects.requireNonNull(scorecard, "scorecard");
    Objects.requireNonNull(provenance, "provenance");
  }
}
