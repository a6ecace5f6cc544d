package io.credence.scoring.web;

import io.credence.borrower.BorrowerPrincipal;
import io.credence.history.BorrowerHistories;
import io.credence.history.PositionsUnavailableException;
import io.credence.platform.PortalController;
import io.credence.scoring.ScoreRun;
import io.credence.scoring.Scores;
import io.credence.scoring.ScoringModels;
import io.credence.scoring.reasons.ReasonCode;
import io.credence.scoring.scorecard.Band;
import io.credence.scoring.scorecard.BandScheme;
import io.credence.scoring.scorecard.InsufficientHistoryException;
import io.credence.scoring.scorecard.ScoreResult;
import io.credence.scoring.scorecard.Scorecard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "My score" (issue 16): the borrower's latest score run as a gauge, band, probability of default,
 * reason codes in plain language and a chart of the points each factor cost against its best bins.
 * Only the signed-in borrower sees it (their own profile's runs).
 */
@PortalController
class ScorePages {

  private final Scores scores;
  private final ScoringModels models;
  private final BorrowerHistories histories;

  ScorePages(Scores scores, ScoringModels models, BorrowerHistories histories) {
    this.scores = scores;
    this.models = models;
    this.histories = histories;
  }

  /** The latest run, or a first one computed now. */
  @GetMapping("/score")
  String score(@AuthenticationPrincipal BorrowerPrincipal borrower, Model model) {
    ScoreRun run =
        scores.latest(borrower.profileId()).orElseGet(() -> scores.score(borrower.profileId()));
    return render(run, model);
  }

  /** Scores again now from everything synced (a new stored run). */
  @PostMapping("/score")
  String rescore(@AuthenticationPrincipal BorrowerPrincipal borrower) {
    scores.score(borrower.profileId());
    return "redirect:/score";
  }

  private String render(ScoreRun run, Model model) {
    model.addAttribute("run", run);
    Optional<Scorecard> scorecard = models.scorecard(run.modelId());
    BandScheme bands = scorecard.map(s -> s.definition().bands()).orElse(BandScheme.DEFAULT);
    model.addAttribute("bands", bands.bands());
    if (run instanceof ScoreRun.Scored scored) {
      model.addAttribute("scored", scored);
      model.addAttribute("gauge", Gauge.of(scored.score(), bands));
      model.addAttribute(
          "pd", String.format(Locale.ROOT, "%.1f %%", 100 * scored.probabilityOfDefault()));
      model.addAttribute("factors", scorecard.flatMap(s -> factors(scored, s)).orElse(null));
    } else {
      model.addAttribute("insufficient", (ScoreRun.Insufficient) run);
    }
    return "score";
  }

  /**
   * Points each factor lost against its best bins, recomputed from the same history (events up to
   * the run's {@code asOf}, positions at that time). Shown only when the recomputation reproduces
   * the stored score: if a sync changed the wallet facts since, or a chain cannot be read now, the
   * chart would not explain this run, so it is left out.
   */
  private Optional<FactorChart> factors(ScoreRun.Scored run, Scorecard scorecard) {
    try {
      ScoreResult again = scorecard.score(histories.history(run.profile(), run.dataUsed().asOf()));
      if (again.score() != run.score()) {
        return Optional.empty();
      }
      return Optional.of(FactorChart.of(again.pointsLost()));
    } catch (InsufficientHistoryException | PositionsUnavailableException e) {
      return Optional.empty();
    }
  }

  /** A horizontal bar per factor that cost points; bar widths in SVG user units (0–100). */
  record FactorChart(List<Factor> factors, int total) {

    record Factor(String code, String text, int pointsLost, double width, int y) {}

    static FactorChart of(Map<ReasonCode, Integer> lost) {
      int max = lost.values().stream().mapToInt(Integer::intValue).max().orElse(1);
      List<Factor> out = new ArrayList<>();
      int total = 0;
      for (Map.Entry<ReasonCode, Integer> e : lost.entrySet()) {
        out.add(
            new Factor(
                e.getKey().name(),
                e.getKey().text(),
                e.getValue(),
                Math.max(1.0, 100.0 * e.getValue() / Math.max(1, max)),
                out.size()));
        total += e.getValue();
      }
      return new FactorChart(List.copyOf(out), total);
    }
  }

  /**
   * A semicircular gauge from the lowest to the highest score: one arc per band and a needle.
   * Coordinates are computed here so the page needs no script and no inline style.
   */
  record Gauge(List<Segment> segments, String needle, double needleX, double needleY) {

    private static final double CX = 120;
    private static final double CY = 120;
    private static final double R = 100;

    record Segment(String band, String path, String css) {}

    static Gauge of(int score, BandScheme scheme) {
      int lo = scheme.minScore();
      int hi = scheme.maxScore();
      List<Segment> segments = new ArrayList<>();
      for (Band b : scheme.bands()) {
        double span = hi - lo + 1;
        double from = (b.minScore() - lo) / span;
        double to = (b.maxScore() + 1 - lo) / span;
        segments.add(
            new Segment(
                b.name(), arc(from, Math.min(1, to)), "band-" + b.name().toLowerCase(Locale.ROOT)));
      }
      double t = (score - lo + 0.5) / (hi - lo + 1);
      double[] p = point(t, R - 18);
      return new Gauge(
          List.copyOf(segments),
          "M " + CX + " " + CY + " L " + fmt(p[0]) + " " + fmt(p[1]),
          p[0],
          p[1]);
    }

    private static String arc(double from, double to) {
      double[] a = point(from, R);
      double[] b = point(to, R);
      return "M " + fmt(a[0]) + " " + fmt(a[1]) + " A " + R + " " + R + " 0 0 1 " + fmt(b[0]) + " "
          + fmt(b[1]);
    }

    /** t = 0 at the left end, 1 at the right end of the upper semicircle. */
    private static double[] point(double t, double radius) {
      double angle = Math.PI * (1 - t);
      return new double[] {CX + radius * Math.cos(angle), CY - radius * Math.sin(angle)};
    }

    private static String fmt(double v) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
  }
}
