package io.credence.zk;

/**
 * Thrown by a prover asked to prove a statement its secret opening does not satisfy (for example a
 * score outside the band). No proof is produced. The message names the statement, never the secret.
 */
public final class StatementNotSatisfiedException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  StatementNotSatisfiedException(String message) {
    super(message);
  }
}
