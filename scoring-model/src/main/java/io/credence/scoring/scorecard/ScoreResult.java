package io.credence.scoring.scorecard;

import io.credence.scoring.reasons.ReasonCode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of scoring one borrower.
 *
 * @param score integer score in the scaling's range (300-850 by default)
 * @param band name of the band holding the score
 * @param probabilityOfDefault probability of liquidation or default within 90 days implied by the
 *     integer score
 * @param reasonCodes the key factors for an adverse-action notice: up to four factors that lowered
 *     the score most, worst first; empty when every factor is in its best bin
 * @param pointsLost every factor that cost points (points below its best bins, added up over the
 *     code's features), largest first: the full list behind the key factors, so a factor outside
 *     the top four (an old liquidation, say) is still shown
 * @param modelId SHA-256 (hex) of the model artifact that produced the score
 */
public record ScoreResult(
    int score,
    String band,
    double probabilityOfDefault,
    List<ReasonCode> reasonCodes,
    Map<ReasonCode, Integer> pointsLost,
    String modelId) {
  public ScoreResult {
    reasonCodes = List.copyOf(reasonCodes);
    pointsLost = Collections.unmodifiableMap(new LinkedHashMap<>(pointsLost));
  }
}
