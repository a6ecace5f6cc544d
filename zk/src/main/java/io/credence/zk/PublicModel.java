package io.credence.zk;

import java.util.Objects;

/**
 * Public-model mode: bins and points are constants of the circuit, and the model id (SHA-256 of the
 * registered artifact) is bound into the transcript. Immutable; the circuit is built once per
 * instance, so keep one instance per model.
 *
 * <p>The caller vouches that {@code scorecard} was read from the artifact whose SHA-256 is {@code
 * modelId} (scoring-model's loader checks that); the proof then binds both: another id or a
 * scorecard with any other edge or point fails verification.
 *
 * <pre>{@code
 * PublicModel model = new PublicModel(sha256OfArtifact, scorecard);
 * InferenceProof p = new InferenceProver(rnd).prove(
 *     Transcript.create("credence/attestation/v1"), model, featureOpenings, scoreOpening, ctx);
 * new InferenceVerifier(rnd).verify(
 *     Transcript.create("credence/attestation/v1"), model, p, ctx);
 * }</pre>
 */
public final class PublicModel implements ModelReference, ProvingModel {

  private final byte[] modelId;
  private final ScorecardModel scorecard;
  private final ConstraintSystem shape;

  /**
   * @param modelId 32 bytes: SHA-256 of the model artifact
   * @param scorecard the model
   * @throws IllegalArgumentException if the id is not 32 bytes
   */
  public PublicModel(byte[] modelId, ScorecardModel scorecard) {
    if (modelId.length != 32) {
      throw new IllegalArgumentException("a model id is 32 bytes");
    }
    this.modelId = modelId.clone();
    this.scorecard = Objects.requireNonNull(scorecard);
    this.shape = ScorecardCircuit.publicModel(scorecard, null);
    shape.digest(); // computed once here, so a shared instance is only ever read
  }

  @Override
  public byte[] id() {
    return modelId.clone();
  }

  @Override
  public ScorecardModel scorecard() {
    return scorecard;
  }

  @Override
  public ModelReference reference() {
    return this;
  }

  /**
   * Runs the circuit without proving: quantises the raw features, builds the full witness (bins,
   * bit decompositions, products, clamp), checks that it satisfies every constraint and returns the
   * circuit's score output. For agreement tests and audits; costs well under a millisecond.
   *
   * @throws IllegalArgumentException if the number of values is not the number of characteristics
   * @throws StatementNotSatisfiedException if the witness does not satisfy the circuit (a defect)
   */
  public long evaluate(double[] rawFeatures) {
    scorecard.requireFeatureCount(rawFeatures.length);
    long[] q = new long[rawFeatures.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = scorecard.quantise(i, rawFeatures[i]);
    }
    ConstraintSystem cs = ScorecardCircuit.publicModel(scorecard, q);
    if (!cs.isSatisfied()) {
      throw new StatementNotSatisfiedException("the witness does not satisfy the circuit");
    }
    return cs.committedValue(q.length).longValueExact();
  }

  ConstraintSystem circuit() {
    return shape;
  }

  @Override
  public String toString() {
    return "PublicModel[" + Bytes.hex(modelId) + "]";
  }
}
