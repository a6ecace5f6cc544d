package io.credence.zk;

import java.util.List;
import java.util.Objects;

/**
 * An inference proof: commitments to the quantised features, the score commitment (the same one the
 * range proof uses) and the circuit proof that the score is the model's output on the committed
 * features. Public data only.
 *
 * @param featureCommitments one Pedersen commitment per characteristic, in model order
 * @param scoreCommitment the score commitment V
 * @param proof the arithmetic-circuit proof
 */
public record InferenceProof(
    List<Commitment> featureCommitments, Commitment scoreCommitment, CircuitProof proof) {
  public InferenceProof {
    featureCommitments = List.copyOf(featureCommitments);
    Objects.requireNonNull(scoreCommitment);
    Objects.requireNonNull(proof);
  }
}
