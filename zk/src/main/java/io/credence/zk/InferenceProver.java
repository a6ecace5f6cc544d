package io.credence.zk;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * Proves that a committed score is the registered scorecard applied to committed features
 * (docs/zk-protocol.md §13–§17), in public-model or private-model mode.
 *
 * <pre>{@code
 * InferenceProver prover = new InferenceProver(rnd);
 * List<Opening> features = scorecard.openFeatures(rawFeatures, rnd);   // secret, for disclosure
 * Opening score = Opening.random(scorecard.score(quantised), rnd);     // the range proof's V
 * ScoredInference both = prover.proveScored(
 *     Transcript.create("credence/attestation/v1"), model, features, score,
 *     new Statement.Band(670, 749), attestationHash);
 * }</pre>
 *
 * <p>The prover checks everything first and never emits a proof for a false statement: a score that
 * is not the model's output, a feature outside its characteristic's range, or a wrong number of
 * features throws {@link StatementNotSatisfiedException} (message without secrets).
 */
public final class InferenceProver {

  private final SecureRandom random;

  /**
   * @param random source of all proof randomness
   */
  public InferenceProver(SecureRandom random) {
    this.random = Objects.requireNonNull(random);
  }

  /**
   * Proves {@code score = model(features)} on the given transcript, binding the model reference,
   * every commitment and the context before any challenge. The transcript must be in the state the
   * verifier will start from and is advanced.
   *
   * @param features openings of the quantised features ({@link ScorecardModel#openFeatures})
   * @param score opening of the score commitment
   * @param context caller's context (e.g. the attestation hash); may be empty
   * @throws StatementNotSatisfiedException if the score is not the model's output or a feature is
   *     out of range
   */
  public InferenceProof prove(
      Transcript transcript,
      ProvingModel model,
      List<Opening> features,
      Opening score,
      byte[] context) {
    ScorecardModel sc = model.scorecard();
    if (features.size() != sc.characteristics().size()) {
      throw new StatementNotSatisfiedException(
          "the model has " + sc.characteristics().size() + " features, got " + features.size());
    }
    long[] q = new long[features.size()];
    for (int i = 0; i < q.length; i++) {
      ScorecardModel.Characteristic c = sc.characteristics().get(i);
      BigInteger v = signed(features.get(i).value());
      if (v.bitLength() > 62 || v.longValue() < c.lower() || v.longValue() > c.upper()) {
        throw new StatementNotSatisfiedException("feature " + i + " is outside its range");
      }
      q[i] = v.longValue();
    }
    if (!BigInteger.valueOf(sc.score(q)).equals(signed(score.value()))) {
      throw new StatementNotSatisfiedException("the committed score is not the model's output");
    }
    int f = q.length;
    ConstraintSystem cs;
    GroupElement[] commitments;
    BigInteger[] gamma;
    switch (model) {
      case PublicModel _ -> {
        cs = ScorecardCircuit.publicModel(sc, q);
        commitments = new GroupElement[f + 1];
        gamma = new BigInteger[f + 1];
      }
      case PrivateModel prm -> {
        cs = ScorecardCircuit.privateModel(prm.commitment().shape(), sc, q);
        GroupElement[] params = prm.commitment().parameters();
        BigInteger[] blind = prm.blindings();
        commitments = new GroupElement[f + 1 + params.length];
        gamma = new BigInteger[commitments.length];
        System.arraycopy(params, 0, commitments, f + 1, params.length);
        System.arraycopy(blind, 0, gamma, f + 1, blind.length);
      }
    }
    Commitment[] featureCommitments = new Commitment[f];
    for (int i = 0; i < f; i++) {
      featureCommitments[i] = features.get(i).commit();
      commitments[i] = featureCommitments[i].point();
      gamma[i] = features.get(i).blinding().value();
    }
    Commitment scoreCommitment = score.commit();
    commitments[f] = scoreCommitment.point();
    gamma[f] = score.blinding().value();
    CircuitProof proof =
        CircuitProofProtocol.prove(
            transcript,
            cs,
            InferenceVerifier.statement(model.reference()),
            commitments,
            gamma,
            context,
            random);
    return new InferenceProof(List.of(featureCommitments), scoreCommitment, proof);
  }

  /**
   * Proves the inference and then the range statement on the same transcript, so the range proof is
   * bound to the inference proof (model, features, score commitment, context) and neither can be
   * lifted into another credential.
   *
   * @throws StatementNotSatisfiedException if the score is not the model's output or does not
   *     satisfy the statement
   */
  public ScoredInference proveScored(
      Transcript transcript,
      ProvingModel model,
      List<Opening> features,
      Opening score,
      Statement statement,
      byte[] context) {
    requireSatisfied(statement, score.value());
    InferenceProof inference = prove(transcript, model, features, score, context);
    ScoreProof range = new ScoreProver(random).prove(transcript, statement, score, context);
    return new ScoredInference(inference, range);
  }

  /** The range prover's own checks, made before the (more expensive) inference proof. */
  private static void requireSatisfied(Statement statement, BigInteger s) {
    boolean ok =
        switch (statement) {
          case Statement.Threshold th -> {
            BigInteger d = s.subtract(BigInteger.valueOf(th.t()));
            yield d.signum() >= 0 && d.bitLength() <= th.bits();
          }
          case Statement.Band b ->
              s.compareTo(BigInteger.valueOf(b.lo())) >= 0
                  && s.compareTo(BigInteger.valueOf(b.hi())) <= 0;
        };
    if (!ok) {
      throw new StatementNotSatisfiedException("the score does not satisfy " + statement);
    }
  }

  /** A value mod r read as a signed integer in (−r/2, r/2). */
  static BigInteger signed(BigInteger v) {
    return v.compareTo(ScalarField.R.shiftRight(1)) > 0 ? v.subtract(ScalarField.R) : v;
  }
}
