package io.credence.scoring.evaluation;

import io.credence.scoring.features.BorrowerHistory;
import io.credence.scoring.scorecard.Band;
import io.credence.scoring.scorecard.BandScheme;
import io.credence.scoring.scorecard.InsufficientHistoryException;
import io.credence.scoring.scorecard.ScoreResult;
import io.credence.scoring.scorecard.Scorecard;
import io.credence.scoring.simulation.Adversary;
import io.credence.scoring.simulation.SimulatedBorrower;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What each gaming strategy buys: every honest borrower of the weakest band runs every {@link
 * Adversary} strategy on their own history, and the scorecard scores the gamed history again. The
 * uplift is the gamed score minus the honest one; a gamed history the scorecard refuses ({@link
 * InsufficientHistoryException}) buys nothing and is counted apart.
 */
public final class AdversarialEvaluation {

  private AdversarialEvaluation() {}

  /**
   * The uplift one strategy buys the borrowers of the weakest band.
   *
   * @param strategy the strategy
   * @param description what it does
   * @param borrowers honest borrowers of the weakest band it was tried on
   * @param applicable those for whom the strategy changed the history
   * @param refused gamed histories the scorecard refused to score (no uplift)
   * @param meanUplift mean score uplift over the applicable, scored histories
   * @param worstUplift largest uplift (0 if none was scored)
   * @param maxBandsCrossed most bands any borrower climbed
   * @param bandACount gamed histories that reached the best band
   */
  public record StrategyResult(
      String strategy,
      String description,
      int borrowers,
      int applicable,
      int refused,
      double meanUplift,
      int worstUplift,
      int maxBandsCrossed,
      int bandACount) {}

  /**
   * Runs every strategy for every honest borrower of the weakest band among {@code population}.
   *
   * @param scorecard the model under attack
   * @param population simulated borrowers; gaming ones are skipped (their honest history is
   *     unknown)
   * @param seed seed of the strategies' random choices
   */
  public static List<StrategyResult> evaluate(
      Scorecard scorecard, List<SimulatedBorrower> population, long seed) {
    BandScheme bands = scorecard.definition().bands();
    Band weakest = bands.bands().get(bands.bands().size() - 1);
    List<BorrowerHistory> weak = new ArrayList<>();
    List<Integer> honestScores = new ArrayList<>();
    for (SimulatedBorrower b : population) {
      if (b.strategy() != null) {
        continue;
      }
      ScoreResult r = scoreOrNull(scorecard, b.history());
      if (r != null && weakest.contains(r.score())) {
        weak.add(b.history());
        honestScores.add(r.score());
      }
    }
    List<StrategyResult> results = new ArrayList<>();
    for (Adversary strategy : Adversary.values()) {
      SplittableRandom rng = new SplittableRandom(seed ^ strategy.ordinal());
      int applicable = 0;
      int refused = 0;
      int scored = 0;
      long upliftSum = 0;
      int worst = 0;
      int crossed = 0;
      int bandA = 0;
      for (int i = 0; i < weak.size(); i++) {
        BorrowerHistory honest = weak.get(i);
        BorrowerHistory gamed = strategy.apply(honest, rng.split());
        if (gamed == honest) {
          continue;
        }
        applicable++;
        ScoreResult r = scoreOrNull(scorecard, gamed);
        if (r == null) {
          refused++;
          continue;
        }
        int uplift = r.score() - honestScores.get(i);
        scored++;
        upliftSum += uplift;
        worst = Math.max(worst, uplift);
        crossed = Math.max(crossed, index(bands, honestScores.get(i)) - index(bands, r.score()));
        if (index(bands, r.score()) == 0) {
          bandA++;
        }
      }
      results.add(
          new StrategyResult(
              strategy.name(),
              strategy.description(),
              weak.size(),
              applicable,
              refused,
              scored == 0 ? 0 : (double) upliftSum / scored,
              worst,
              crossed,
              bandA));
    }
    return results;
  }

  private static int index(BandScheme bands, int score) {
    return bands.bands().indexOf(bands.bandOf(score));
  }

  private static ScoreResult scoreOrNull(Scorecard scorecard, BorrowerHistory history) {
    try {
      return scorecard.score(history.features());
    } catch (InsufficientHistoryException e) {
      return null;
    }
  }
}
