package io.credence.scoring.training;

import io.credence.scoring.artifact.ModelArtifact;
import io.credence.scoring.scorecard.Scorecard;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of training.
 *
 * @param artifact what to save ({@link io.credence.scoring.artifact.ModelArtifacts#save})
 * @param scorecard the scorecard, whose model id is the id the saved artifact will have
 * @param challenger the challenger, if one was trained
 */
public record TrainedModel(
    ModelArtifact artifact, Scorecard scorecard, Optional<Challenger> challenger) {
  public TrainedModel {
    Objects.requireNonNull(artifact, "artifact");
    Objects.requireNonNull(scorecard, "scorecard");
    Objects.requireNonNull(challenger, "challenger");
  }
}
