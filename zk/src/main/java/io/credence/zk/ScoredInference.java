package io.credence.zk;

import java.util.Objects;

/**
 * An inference proof and a range proof on the same score commitment, proven one after the other on
 * one transcript (the range proof's challenges depend on everything the inference proof bound).
 *
 * @param inference the inference proof
 * @param range the range proof for the statement (same commitment)
 */
public record ScoredInference(InferenceProof inference, ScoreProof range) {
  /**
   * @throws IllegalArgumentException if the two proofs are not about the same score commitment
   */
  public ScoredInference {
    Objects.requireNonNull(inference);
    Objects.requireNonNull(range);
    if (!inference.scoreCommitment().equals(range.commitment())) {
      throw new IllegalArgumentException("the proofs are about different score commitments");
    }
  }
}
