package io.credence.zk;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Private-model mode, secret half: the scorecard and the blindings of its parameter commitments.
 * Held by the issuer only; publish {@link #commitment()}. Never printed.
 *
 * <pre>{@code
 * PrivateModel model = PrivateModel.commit(scorecard, rnd);   // once, at registration
 * publish(model.commitment().toBytes());                      // id: model.commitment().id()
 * InferenceProof p = prover.prove(transcript, model, featureOpenings, scoreOpening, ctx);
 * verifier.verify(transcript2, model.commitment(), p, ctx);   // lender: no parameters needed
 * }</pre>
 */
public final class PrivateModel implements ProvingModel {

  private final ScorecardModel scorecard;
  private final BigInteger[] blindings;
  private final ModelCommitment commitment;

  private PrivateModel(ScorecardModel scorecard, BigInteger[] blindings, ModelCommitment c) {
    this.scorecard = scorecard;
    this.blindings = blindings;
    this.commitment = c;
  }

  /** Commits to every parameter of the scorecard with fresh blindings. */
  public static PrivateModel commit(ScorecardModel scorecard, SecureRandom rnd) {
    Objects.requireNonNull(scorecard);
    long[] values = ScorecardCircuit.parameterValues(scorecard);
    BigInteger[] blind = new BigInteger[values.length];
    GroupElement[] points = new GroupElement[values.length];
    for (int k = 0; k < values.length; k++) {
      blind[k] = ScalarField.random(rnd);
      points[k] =
          Bn254.GROUP.multiScalarMultiply(
              new GroupElement[] {Generators.G, Generators.H},
              new BigInteger[] {BigInteger.valueOf(values[k]).mod(ScalarField.R), blind[k]});
    }
    return new PrivateModel(
        scorecard, blind, new ModelCommitment(ScorecardCircuit.Shape.of(scorecard), points));
  }

  /** The public model commitment. */
  public ModelCommitment commitment() {
    return commitment;
  }

  @Override
  public ModelReference reference() {
    return commitment;
  }

  @Override
  public ScorecardModel scorecard() {
    return scorecard;
  }

  BigInteger[] blindings() {
    return blindings.clone();
  }

  @Override
  public String toString() {
    return "PrivateModel[redacted, commitment=" + Bytes.hex(commitment.id()) + "]";
  }
}
