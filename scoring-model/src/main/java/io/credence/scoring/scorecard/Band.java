package io.credence.scoring.scorecard;

import java.util.Objects;

/**
 * A named score range, inclusive at both ends.
 *
 * @param name band name, e.g. {@code A}
 * @param minScore lowest score in the band
 * @param maxScore highest score in the band
 */
public record Band(String name, int minScore, int maxScore) {
  public Band {
    Objects.requireNonNull(name, "name");
    if (minScore > maxScore) {
      throw new IllegalArgumentException("band " + name + ": minScore > maxScore");
    }
  }

  public boolean contains(int score) {
    return score >= minScore && score <= maxScore;
  }
}
