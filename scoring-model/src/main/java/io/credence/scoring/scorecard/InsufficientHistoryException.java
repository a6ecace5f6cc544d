package io.credence.scoring.scorecard;

/**
 * The borrower is outside the population the scorecard was trained on (see {@link
 * Scorecard#isScorable}), so a score would be an extrapolation. The platform must show "not enough
 * history to score" instead of a score.
 */
public final class InsufficientHistoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InsufficientHistoryException(String message) {
    super(message);
  }
}
