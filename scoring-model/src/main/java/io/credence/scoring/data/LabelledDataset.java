package io.credence.scoring.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Labelled borrowers plus a one-line description of where they came from (recorded in model
 * provenance).
 *
 * @param description where the data came from, e.g. the simulation parameters or the CSV file hash
 * @param rows the borrowers
 */
public record LabelledDataset(String description, List<LabelledBorrower> rows) {

  public LabelledDataset {
    Objects.requireNonNull(description, "description");
    rows = List.copyOf(rows);
  }

  public int size() {
    return rows.size();
  }

  public long defaults() {
    return rows.stream().filter(LabelledBorrower::defaulted).count();
  }

  public double defaultRate() {
    return rows.isEmpty() ? 0 : (double) defaults() / rows.size();
  }

  /** A training and a held-out part. */
  public record Split(LabelledDataset train, LabelledDataset test) {}

  /**
   * Splits the rows at random (seeded, so reproducible) into training and held-out parts.
   *
   * @param testFraction share of rows held out, in (0, 1)
   * @throws IllegalArgumentException if the fraction is out of range
   */
  public Split split(double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("testFraction must be in (0, 1)");
    }
    List<LabelledBorrower> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(seed));
    int testSize = (int) Math.round(rows.size() * testFraction);
    return new Split(
        new LabelledDataset(
            description + " [training split]", shuffled.subList(testSize, shuffled.size())),
        new LabelledDataset(description + " [held-out split]", shuffled.subList(0, testSize)));
  }
}
