package io.credence.scoring.scorecard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The bands lenders act on: configuration, not code. Bands must not overlap and must cover the
 * whole score range without gaps.
 *
 * @param bands bands from best (highest scores) to worst
 */
public record BandScheme(List<Band> bands) {

  /** A 750-850, B 670-749, C 580-669, D 300-579. */
  public static final BandScheme DEFAULT =
      new BandScheme(
          List.of(
              new Band("A", 750, 850),
              new Band("B", 670, 749),
              new Band("C", 580, 669),
              new Band("D", 300, 579)));

  /**
   * @throws IllegalArgumentException if the bands are empty, overlap or leave a gap
   */
  public BandScheme {
    if (bands.isEmpty()) {
      throw new IllegalArgumentException("at least one band is required");
    }
    List<Band> sorted = new ArrayList<>(bands);
    sorted.sort(Comparator.comparingInt(Band::maxScore).reversed());
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).maxScore() != sorted.get(i - 1).minScore() - 1) {
        throw new IllegalArgumentException(
            "bands must be contiguous: " + sorted.get(i) + " / " + sorted.get(i - 1));
      }
    }
    bands = List.copyOf(sorted);
  }

  public int minScore() {
    return bands.get(bands.size() - 1).minScore();
  }

  public int maxScore() {
    return bands.get(0).maxScore();
  }

  /**
   * @throws IllegalArgumentException if the score is outside every band
   */
  public Band bandOf(int score) {
    for (Band b : bands) {
      if (b.contains(score)) {
        return b;
      }
    }
    throw new IllegalArgumentException("score " + score + " is outside every band");
  }
}
