package io.credence.zk;

import io.credence.zk.ProofVerificationException.Reason;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies inference proofs, one at a time or in batches (one multi-scalar multiplication), and
 * feature openings disclosed to a compliance officer. Verification returns normally or throws
 * {@link ProofVerificationException} with a reason; it never returns a boolean.
 *
 * <p>What a valid proof shows (docs/zk-protocol.md §17): the score commitment opens to {@code
 * clamp(base + Σ points of the bins holding the committed feature values)} of the referenced model
 * (public constants bound by the model id, or the parameters behind the model commitment). What it
 * does not show: that the committed features are the borrower's real history — the issuer attests
 * that; a compliance officer can check disclosed openings against the synced history.
 */
public final class InferenceVerifier {

  private final SecureRandom random;

  /**
   * @param random source of the verifier's private batching weights
   */
  public InferenceVerifier(SecureRandom random) {
    this.random = Objects.requireNonNull(random);
  }

  /** A verifier with a fresh {@link SecureRandom}. */
  public InferenceVerifier() {
    this(new SecureRandom());
  }

  /** One proof to check; the transcript must be in the state the prover started from. */
  public record Claim(
      Transcript transcript, ModelReference model, InferenceProof proof, byte[] context) {
    public Claim {
      Objects.requireNonNull(transcript);
      Objects.requireNonNull(model);
      Objects.requireNonNull(proof);
      Objects.requireNonNull(context);
    }
  }

  /**
   * Verifies that the proof's score commitment holds the model's output on its feature commitments,
   * for this transcript state and context.
   *
   * @throws ProofVerificationException with {@link Reason#UNSUPPORTED_PARAMETERS} if the number of
   *     feature commitments does not match the model, {@link Reason#ROUND_COUNT_MISMATCH} if the
   *     proof's size does not match the circuit, {@link Reason#EQUATION_FAILED} if it does not
   *     verify
   */
  public void verify(
      Transcript transcript, ModelReference model, InferenceProof proof, byte[] context)
      throws ProofVerificationException {
    verifyBatch(List.of(new Claim(transcript, model, proof, context)));
  }

  /**
   * Verifies an inference proof and then its range proof on the same transcript (the order {@link
   * InferenceProver#proveScored} used).
   *
   * @throws ProofVerificationException if either proof fails, or the range proof is for another
   *     statement
   */
  public void verifyScored(
      Transcript transcript,
      ModelReference model,
      ScoredInference proofs,
      Statement statement,
      byte[] context)
      throws ProofVerificationException {
    if (!proofs.range().statement().equals(statement)) {
      throw new ProofVerificationException(
          Reason.EQUATION_FAILED, "the range proof is for another statement");
    }
    verify(transcript, model, proofs.inference(), context);
    new ScoreVerifier(random)
        .verify(
            transcript, statement, proofs.range().commitment(), context, proofs.range().proof());
  }

  /**
   * Verifies all claims with one multi-scalar multiplication. Accepts only if every proof is valid
   * (except with probability about 2^-253); an empty list is accepted.
   *
   * @throws ProofVerificationException if any proof is invalid; {@link
   *     ProofVerificationException#proofIndex()} then names the first invalid one
   */
  public void verifyBatch(List<Claim> claims) throws ProofVerificationException {
    List<CircuitProofProtocol.Claim> inner = new ArrayList<>(claims.size());
    for (int i = 0; i < claims.size(); i++) {
      Claim c = claims.get(i);
      ConstraintSystem cs;
      List<GroupElement> vs = new ArrayList<>();
      for (Commitment fc : c.proof().featureCommitments()) {
        vs.add(fc.point());
      }
      vs.add(c.proof().scoreCommitment().point());
      switch (c.model()) {
        case PublicModel pm -> cs = pm.circuit();
        case ModelCommitment mc -> {
          cs = mc.circuit();
          vs.addAll(List.of(mc.parameters()));
        }
      }
      int features = c.proof().featureCommitments().size();
      if (vs.size() != cs.committedCount()) {
        ProofVerificationException e =
            new ProofVerificationException(
                Reason.UNSUPPORTED_PARAMETERS,
                "the model needs "
                    + (cs.committedCount() - (vs.size() - features))
                    + " feature commitments, got "
                    + features);
        throw claims.size() == 1 ? e : e.atIndex(i);
      }
      inner.add(
          new CircuitProofProtocol.Claim(
              c.transcript(),
              cs,
              statement(c.model()),
              vs.toArray(GroupElement[]::new),
              c.context(),
              c.proof().proof()));
    }
    CircuitProofProtocol.verify(inner, random);
  }

  /**
   * Checks an opening a borrower or issuer disclosed for feature {@code index} against the proof's
   * commitment. The officer then compares {@link #disclosedValue} with the model's quantisation of
   * the value recomputed from the synced history.
   *
   * @throws ProofVerificationException with {@link Reason#EQUATION_FAILED} if the opening does not
   *     open that commitment
   * @throws IndexOutOfBoundsException if there is no feature {@code index}
   */
  public static void checkDisclosure(InferenceProof proof, int index, Opening opening)
      throws ProofVerificationException {
    Commitment c = proof.featureCommitments().get(index);
    if (!c.equals(opening.commit())) {
      throw new ProofVerificationException(
          Reason.EQUATION_FAILED, "the opening does not open feature commitment " + index);
    }
  }

  /** The signed fixed-point value of an opening made by {@link ScorecardModel#openFeatures}. */
  public static long disclosedValue(Opening opening) {
    BigInteger v = InferenceProver.signed(opening.value());
    return v.longValueExact();
  }

  /** Statement bytes: 0x01 ‖ model id (public) or 0x02 ‖ model commitment id (private). */
  static byte[] statement(ModelReference model) {
    byte mode =
        switch (model) {
          case PublicModel _ -> 0x01;
          case ModelCommitment _ -> 0x02;
        };
    return Bytes.concat(new byte[] {mode}, model.id());
  }
}
