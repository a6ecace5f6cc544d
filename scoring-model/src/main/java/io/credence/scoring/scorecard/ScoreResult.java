package io.credence.scoring.scorecard;

import io.credence.scoring.reasons.ReasonCode;
import java.util.List;

/**
 * The outcome of scoring one borrower.
 *
 * @param score integer score in the scaling's range (300-850 by default)
 * @param band name of the band holding the score
 * @param probabilityOfDefault probability of liquidation or default within 90 days implied by the
 *     integer score
 * @param reasonCodes up to four factors that lowered the score most, worst first; empty when every
 *     factor is in its best bin
 * @param modelId SHA-256 (hex) of the model artifact that produced the score
 */
public record ScoreResult(
    int score,
    String band,
    double probabilityOfDefault,
    List<ReasonCode> reasonCodes,
    String modelId) {
  public ScoreResult {
    reasonCodes = List.copyOf(reasonCodes);
  }
}
