package io.credence.zk;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies score proofs, one at a time or in batches. Verification never returns a boolean: it
 * returns normally or throws {@link ProofVerificationException} with a reason.
 *
 * <p>What is checked: the proof's round count matches the statement's n·m (for a threshold, the n
 * of the current or of an earlier edition of the rule: docs/zk-protocol.md §1); the transcript
 * binds the domain separator, n, m, the statement, the derived commitments and the context before
 * the first challenge; the Bulletproofs equations hold. Points and scalars are validated when
 * decoded ({@link Commitment}, {@link RangeProof}).
 */
public final class ScoreVerifier {

  private final SecureRandom random;

  /**
   * @param random source of the verifier's private batching weights
   */
  public ScoreVerifier(SecureRandom random) {
    this.random = Objects.requireNonNull(random);
  }

  /** A verifier with a fresh {@link SecureRandom}. */
  public ScoreVerifier() {
    this(new SecureRandom());
  }

  /** One proof to check: the transcript must be in the state the prover started from. */
  public record Claim(
      Transcript transcript,
      Statement statement,
      Commitment commitment,
      byte[] context,
      RangeProof proof) {
    public Claim {
      Objects.requireNonNull(transcript);
      Objects.requireNonNull(statement);
      Objects.requireNonNull(commitment);
      Objects.requireNonNull(context);
      Objects.requireNonNull(proof);
    }
  }

  /**
   * Verifies that the committed score satisfies the statement.
   *
   * @throws ProofVerificationException if it does not; the transcript is then in an unspecified
   *     state
   */
  public void verify(
      Transcript transcript,
      Statement statement,
      Commitment commitment,
      byte[] context,
      RangeProof proof)
      throws ProofVerificationException {
    verifyBatch(List.of(new Claim(transcript, statement, commitment, context, proof)));
  }

  /**
   * Decodes a canonical proof and verifies it.
   *
   * @throws ProofVerificationException if decoding or verification fails
   */
  public void verify(
      Transcript transcript,
      Statement statement,
      Commitment commitment,
      byte[] context,
      byte[] canonicalProof)
      throws ProofVerificationException {
    // The round count is checked against the statement by verify (a legacy threshold proof has
    // the round count of an earlier edition's n, not of statement.bits(): see
    // ScoreStatements.verifierBits).
    verify(transcript, statement, commitment, context, RangeProof.fromBytes(canonicalProof));
  }

  /**
   * Verifies all claims with one multi-scalar multiplication (random linear combination). Accepts
   * only if every proof is valid (except with probability about 2^-253); an empty list is accepted.
   * Each claim's transcript is advanced as in {@link #verify}.
   *
   * @throws ProofVerificationException if any proof is invalid; {@link
   *     ProofVerificationException#proofIndex()} then names the first invalid one
   */
  public void verifyBatch(List<Claim> claims) throws ProofVerificationException {
    List<RangeProofProtocol.Claim> inner = new ArrayList<>(claims.size());
    GroupElement[][] derived =
        ScoreStatements.derivedCommitments(
            claims.stream().map(Claim::statement).toList(),
            claims.stream().map(c -> c.commitment().point()).toList());
    for (int i = 0; i < claims.size(); i++) {
      Claim c = claims.get(i);
      inner.add(
          new RangeProofProtocol.Claim(
              c.transcript(),
              ScoreStatements.verifierBits(c.statement(), c.proof()),
              c.statement().encode(),
              derived[i],
              c.context(),
              c.proof()));
    }
    RangeProofProtocol.verify(inner, random);
  }
}
