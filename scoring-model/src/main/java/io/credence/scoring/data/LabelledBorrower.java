package io.credence.scoring.data;

import io.credence.scoring.features.FeatureVector;
import java.util.Objects;

/**
 * One training row: a borrower's features at the scoring time and whether they defaulted in the
 * outcome window.
 *
 * @param features the feature vector
 * @param defaulted {@code true} if liquidated or left bad debt in the outcome window
 */
public record LabelledBorrower(FeatureVector features, boolean defaulted) {
  public LabelledBorrower {
    Objects.requireNonNull(features, "features");
  }
}
