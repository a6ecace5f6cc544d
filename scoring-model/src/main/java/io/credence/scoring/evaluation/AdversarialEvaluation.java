package io.credence.scoring.evaluation;

import io.credence.scoring.features.BorrowerHistory;
import io.credence.scoring.features.FeatureSchema;
import io.credence.scoring.features.LendingEvent;
import io.credence.scoring.features.LendingEventType;
import io.credence.scoring.features.RelatedWallet;
import io.credence.scoring.features.Relation;
import io.credence.scoring.reasons.ReasonCode;
import io.credence.scoring.scorecard.Band;
import io.credence.scoring.scorecard.BandScheme;
import io.credence.scoring.scorecard.InsufficientHistoryException;
import io.credence.scoring.scorecard.ScoreResult;
import io.credence.scoring.scorecard.Scorecard;
import io.credence.scoring.simulation.Adversary;
import io.credence.scoring.simulation.SimulatedBorrower;
import io.credence.scoring.simulation.SimulationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What each gaming strategy buys: every honest borrower of the weakest band runs every {@link
 * Adversary} strategy on their own history, and the scorecard scores the gamed history again
 * ({@link Scorecard#score(BorrowerHistory)}, related wallets included). The uplift is the gamed
 * score minus the honest one; a gamed history the scorecard refuses ({@link
 * InsufficientHistoryException}) buys nothing and is counted apart.
 */
public final class AdversarialEvaluation {

  /** Shares of directly related wallets in the sensitivity table of the related-wallet policy. */
  public static final List<Double> RELATED_WALLET_SHARES = List.of(0.0, 0.25, 0.5, 0.75, 1.0);

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
   * What {@link Adversary#CLEAN_WALLETS_ONLY} buys at one share of directly related wallets, split
   * by what the sync could see.
   *
   * @param relatedWalletShare share of wallets directly related by transfers ({@link
   *     SimulationConfig#relatedWalletShare()})
   * @param all every band-D borrower with a liquidated wallet to hide
   * @param detected those whose every hidden wallet was exported and counted ({@link
   *     RelatedWallet#isCounted()})
   * @param partly those with some, not all, hidden wallets counted
   * @param undetected those with no hidden wallet counted: funded through an exchange, or related
   *     by transfers below the minimum
   * @param belowMinimum hidden wallets found by the sync but not counted (transfers below the
   *     minimum link)
   */
  public record RelatedWalletRow(
      double relatedWalletShare,
      StrategyResult all,
      StrategyResult detected,
      StrategyResult partly,
      StrategyResult undetected,
      int belowMinimum) {}

  /**
   * The false positive the minimum link accepts: a stranger whose wallet was liquidated 30 days ago
   * sends an honest borrower exactly the minimum that counts ({@value
   * FeatureSchema#RELATED_FUNDED_BY_MIN_USD} USD) — as a payment, or to lower their score on
   * purpose. The points lost are the same for any counted false link (a payment the borrower made
   * to that wallet, of {@value FeatureSchema#RELATED_FUNDED_MIN_USD} USD, costs as much).
   *
   * @param borrowers honest scored borrowers it was tried on (every band)
   * @param meanLoss mean points lost
   * @param worstLoss most points lost
   * @param lostPoints borrowers who lost points (the others were already in the riskiest bins)
   * @param droppedBand borrowers who fell at least one band
   * @param reasonNamed borrowers who lost points and were told so by {@link
   *     io.credence.scoring.reasons.ReasonCode#CR31}
   */
  public record StrangerPaymentResult(
      int borrowers,
      double meanLoss,
      int worstLoss,
      int lostPoints,
      int droppedBand,
      int reasonNamed) {}

  /**
   * Runs every strategy for every honest borrower of the weakest band among {@code population},
   * with {@link SimulationConfig#DEFAULT_RELATED_WALLET_SHARE} of the wallets directly related and
   * related wallets scored.
   *
   * @param scorecard the model under attack
   * @param population simulated borrowers; gaming ones are skipped (their honest history is
   *     unknown)
   * @param seed seed of the strategies' random choices
   */
  public static List<StrategyResult> evaluate(
      Scorecard scorecard, List<SimulatedBorrower> population, long seed) {
    return evaluate(
        scorecard, population, seed, SimulationConfig.DEFAULT_RELATED_WALLET_SHARE, true);
  }

  /**
   * Runs every strategy for every honest borrower of the weakest band among {@code population}.
   *
   * @param relatedWalletShare share of the wallets directly related by transfers (what {@link
   *     Adversary#CLEAN_WALLETS_ONLY} exports)
   * @param useRelatedWallets {@code false} scores the gamed histories without their related
   *     wallets: the model as it was before the related-wallet policy
   */
  public static List<StrategyResult> evaluate(
      Scorecard scorecard,
      List<SimulatedBorrower> population,
      long seed,
      double relatedWalletShare,
      boolean useRelatedWallets) {
    List<Weak> weak = weakest(scorecard, population);
    BandScheme bands = scorecard.definition().bands();
    List<StrategyResult> results = new ArrayList<>();
    for (Adversary strategy : Adversary.values()) {
      SplittableRandom rng = new SplittableRandom(seed ^ strategy.ordinal());
      Tally tally = new Tally(strategy, weak.size());
      for (Weak w : weak) {
        BorrowerHistory gamed =
            strategy.apply(
                w.borrower.history(), w.borrower.directLinks(relatedWalletShare), rng.split());
        if (gamed == w.borrower.history()) {
          continue;
        }
        if (!useRelatedWallets) {
          gamed = new BorrowerHistory(gamed.events(), gamed.activity(), gamed.asOf());
        }
        tally.add(bands, w.score, scoreOrNull(scorecard, gamed));
      }
      results.add(tally.result());
    }
    return results;
  }

  /**
   * {@link Adversary#CLEAN_WALLETS_ONLY} at each share of directly related wallets, split by what
   * the sync could see. The shares compare the same borrowers: a wallet related at one share is
   * related at every larger one ({@link io.credence.scoring.simulation.WalletFunding}).
   */
  public static List<RelatedWalletRow> relatedWalletSensitivity(
      Scorecard scorecard, List<SimulatedBorrower> population, List<Double> shares) {
    List<Weak> weak = weakest(scorecard, population);
    BandScheme bands = scorecard.definition().bands();
    Adversary strategy = Adversary.CLEAN_WALLETS_ONLY;
    List<RelatedWalletRow> rows = new ArrayList<>();
    for (double share : shares) {
      Tally all = new Tally(strategy, weak.size());
      Tally detected = new Tally(strategy, weak.size());
      Tally partly = new Tally(strategy, weak.size());
      Tally undetected = new Tally(strategy, weak.size());
      int belowMinimum = 0;
      for (Weak w : weak) {
        BorrowerHistory honest = w.borrower.history();
        BorrowerHistory gamed =
            strategy.apply(honest, w.borrower.directLinks(share), new SplittableRandom(0));
        if (gamed == honest) {
          continue;
        }
        int hidden = chains(honest).size() - chains(gamed).size();
        int counted = (int) gamed.related().stream().filter(RelatedWallet::isCounted).count();
        belowMinimum += gamed.related().size() - counted;
        ScoreResult r = scoreOrNull(scorecard, gamed);
        all.add(bands, w.score, r);
        (counted == hidden ? detected : counted == 0 ? undetected : partly).add(bands, w.score, r);
      }
      rows.add(
          new RelatedWalletRow(
              share,
              all.result(),
              detected.result(),
              partly.result(),
              undetected.result(),
              belowMinimum));
    }
    return rows;
  }

  /**
   * Every honest scored borrower of {@code population} (every band) receives the counted minimum
   * from a stranger's wallet liquidated 30 days ago: how many points and bands it costs them.
   */
  public static StrangerPaymentResult strangerPayment(
      Scorecard scorecard, List<SimulatedBorrower> population) {
    BandScheme bands = scorecard.definition().bands();
    int n = 0;
    long lossSum = 0;
    int worst = 0;
    int lost = 0;
    int dropped = 0;
    int named = 0;
    for (SimulatedBorrower b : population) {
      if (b.strategy() != null) {
        continue;
      }
      BorrowerHistory h = b.history();
      ScoreResult honest = scoreOrNull(scorecard, h);
      if (honest == null) {
        continue;
      }
      var stranger =
          new RelatedWallet(
              Relation.FUNDED_BY,
              "ethereum",
              FeatureSchema.RELATED_FUNDED_BY_MIN_USD,
              List.of(
                  strangerEvent(LendingEventType.SUPPLY, "WETH", 2_000, h, 120),
                  strangerEvent(LendingEventType.BORROW, "USDC", 1_500, h, 100),
                  strangerEvent(LendingEventType.LIQUIDATION, "USDC", 1_500, h, 30)),
              List.of());
      ScoreResult paid =
          scorecard.score(
              new BorrowerHistory(h.events(), h.activity(), h.asOf(), List.of(stranger)));
      int loss = honest.score() - paid.score();
      n++;
      lossSum += loss;
      worst = Math.max(worst, loss);
      if (loss > 0) {
        lost++;
      }
      if (index(bands, paid.score()) > index(bands, honest.score())) {
        dropped++;
      }
      if (loss > 0 && paid.pointsLost().containsKey(ReasonCode.CR31)) {
        named++;
      }
    }
    return new StrangerPaymentResult(
        n, n == 0 ? 0 : (double) lossSum / n, worst, lost, dropped, named);
  }

  private static LendingEvent strangerEvent(
      LendingEventType type, String asset, double usd, BorrowerHistory h, int daysAgo) {
    return new LendingEvent(
        type, "ethereum", "aave-v3", asset, usd, h.asOf().minus(Duration.ofDays(daysAgo)));
  }

  /** An honest borrower of the weakest band and their honest score. */
  private record Weak(SimulatedBorrower borrower, int score) {}

  private static List<Weak> weakest(Scorecard scorecard, List<SimulatedBorrower> population) {
    BandScheme bands = scorecard.definition().bands();
    Band weakest = bands.bands().get(bands.bands().size() - 1);
    List<Weak> weak = new ArrayList<>();
    for (SimulatedBorrower b : population) {
      if (b.strategy() != null) {
        continue;
      }
      ScoreResult r = scoreOrNull(scorecard, b.history());
      if (r != null && weakest.contains(r.score())) {
        weak.add(new Weak(b, r.score()));
      }
    }
    return weak;
  }

  /** Uplift statistics of one strategy over the histories it changed. */
  private static final class Tally {
    private final Adversary strategy;
    private final int borrowers;
    private int applicable;
    private int refused;
    private int scored;
    private long upliftSum;
    private int worst;
    private int crossed;
    private int bandA;

    Tally(Adversary strategy, int borrowers) {
      this.strategy = strategy;
      this.borrowers = borrowers;
    }

    void add(BandScheme bands, int honestScore, ScoreResult gamed) {
      applicable++;
      if (gamed == null) {
        refused++;
        return;
      }
      int uplift = gamed.score() - honestScore;
      scored++;
      upliftSum += uplift;
      worst = Math.max(worst, uplift);
      crossed = Math.max(crossed, index(bands, honestScore) - index(bands, gamed.score()));
      if (index(bands, gamed.score()) == 0) {
        bandA++;
      }
    }

    StrategyResult result() {
      return new StrategyResult(
          strategy.name(),
          strategy.description(),
          borrowers,
          applicable,
          refused,
          scored == 0 ? 0 : (double) upliftSum / scored,
          worst,
          crossed,
          bandA);
    }
  }

  private static Set<String> chains(BorrowerHistory h) {
    Set<String> chains = new HashSet<>();
    for (LendingEvent e : h.events()) {
      chains.add(e.chain().toLowerCase(Locale.ROOT));
    }
    return chains;
  }

  private static int index(BandScheme bands, int score) {
    return bands.bands().indexOf(bands.bandOf(score));
  }

  private static ScoreResult scoreOrNull(Scorecard scorecard, BorrowerHistory history) {
    try {
      return scorecard.score(history);
    } catch (InsufficientHistoryException e) {
      return null;
    }
  }
}
