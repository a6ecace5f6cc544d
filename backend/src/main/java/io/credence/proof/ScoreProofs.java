package io.credence.proof;

import io.credence.attestations.AttestationIssuer;
import io.credence.attestations.Bytes32;
import io.credence.attestations.CredentialPackage;
import io.credence.zk.Opening;
import io.credence.zk.Statement;
import io.credence.zk.StatementNotSatisfiedException;
import java.security.SecureRandom;
import java.time.Duration;
import org.springframework.stereotype.Service;
import org.web3j.abi.datatypes.Address;

/**
 * Commits to scores and proves statements about them. The blinding comes from the injected {@link
 * SecureRandom}; openings never appear in logs ({@link Opening#toString()} hides them).
 */
@Service
public class ScoreProofs {

  private final SecureRandom random;

  ScoreProofs(SecureRandom random) {
    this.random = random;
  }

  /** {@code V = s·G + γ·H} with a fresh blinding γ. */
  public Opening commit(int score) {
    return Opening.random(score, random);
  }

  /** Whether {@code score} satisfies {@code statement} (checked before proving). */
  public static boolean satisfies(Statement statement, long score) {
    return switch (statement) {
      case Statement.Threshold t -> score >= t.t();
      case Statement.Band b -> score >= b.lo() && score <= b.hi();
    };
  }

  /**
   * Proves {@code statement} about the committed score, bound to the attestation (recipient,
   * issuer, model, nonce), and has the issuer sign it.
   *
   * @return the borrower's package, with the opening
   * @throws StatementNotSatisfiedException if the score does not satisfy the statement (its message
   *     never holds the score)
   */
  public CredentialPackage prove(
      AttestationIssuer issuer,
      Address recipient,
      Opening opening,
      Statement statement,
      Bytes32 modelId,
      Duration validity) {
    return issuer.issue(recipient, opening, statement, modelId, validity);
  }
}
