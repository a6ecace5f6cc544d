package io.credence.scoring.zk;

import io.credence.scoring.features.Feature;
import io.credence.scoring.features.FeatureVector;
import io.credence.scoring.scorecard.Characteristic;
import io.credence.scoring.scorecard.Scorecard;
import io.credence.scoring.scorecard.ScorecardDefinition;
import io.credence.zk.PublicModel;
import io.credence.zk.ScorecardModel;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The glue between scoring-model and zk, in test code only (zk knows nothing of scoring-model and
 * scoring-model's production code knows nothing of zk): builds zk's plain {@link ScorecardModel}
 * from a {@link Scorecard}.
 *
 * <p>Fixed-point scales by unit (docs/model-card.md, "Zero-knowledge inference proofs"): counts,
 * days and months ×1; USD ×1 (whole dollars); ratios ×10,000 (basis points). The feature's range
 * and missing value come from {@link Feature}, so the circuit treats bad values exactly as {@link
 * Feature#sanitize} does.
 */
public final class ZkScorecards {

  private ZkScorecards() {}

  /** Fixed-point scale of a feature: ratios in basis points, everything else in whole units. */
  public static long scale(Feature f) {
    return "ratio".equals(f.unit()) ? 10_000 : 1;
  }

  /** zk's view of the scorecard. */
  public static ScorecardModel model(Scorecard scorecard) {
    ScorecardDefinition d = scorecard.definition();
    List<ScorecardModel.Characteristic> cs = new ArrayList<>();
    for (Characteristic c : d.characteristics()) {
      Feature f = c.feature();
      cs.add(
          new ScorecardModel.Characteristic(
              f.column(),
              scale(f),
              f.min(),
              f.max(),
              f.missingValue(),
              c.upperEdges(),
              c.points().stream().map(Integer::longValue).toList()));
    }
    return new ScorecardModel(d.baseScore(), d.scaling().minScore(), d.scaling().maxScore(), cs);
  }

  /** Public-model mode bound by the scorecard's model id (SHA-256 of its artifact). */
  public static PublicModel publicModel(Scorecard scorecard) {
    return new PublicModel(HexFormat.of().parseHex(scorecard.modelId()), model(scorecard));
  }

  /** Feature values in schema order, as the circuit takes them. */
  public static double[] raw(FeatureVector features) {
    return features.toArray();
  }
}
