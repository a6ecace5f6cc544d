package io.credence.scoring;

import io.credence.borrower.ProfileId;
import java.time.Instant;
import java.util.List;

/**
 * One stored, immutable score run: either a score or the refusal to score a thin file. {@link
 * #toString()} never shows the score.
 */
public sealed interface ScoreRun permits ScoreRun.Scored, ScoreRun.Insufficient {

  ScoreId id();

  ProfileId profile();

  String modelId();

  DataUsed dataUsed();

  Instant computedAt();

  /** A reason code and its plain-language text. */
  record Reason(String code, String text) {}

  /**
   * A score.
   *
   * @param score integer score, 300–850
   * @param band band name
   * @param probabilityOfDefault 90-day probability of liquidation or default
   * @param reasons up to four reason codes, worst first
   */
  record Scored(
      ScoreId id,
      ProfileId profile,
      String modelId,
      int score,
      String band,
      double probabilityOfDefault,
      List<Reason> reasons,
      DataUsed dataUsed,
      Instant computedAt)
      implements ScoreRun {

    public Scored {
      reasons = List.copyOf(reasons);
    }

    @Override
    public String toString() {
      return "ScoreRun.Scored[id=" + id + ", model=" + modelId + "]";
    }
  }

  /**
   * Not enough history to score.
   *
   * @param missing what is missing, in plain language
   */
  record Insufficient(
      ScoreId id,
      ProfileId profile,
      String modelId,
      List<String> missing,
      DataUsed dataUsed,
      Instant computedAt)
      implements ScoreRun {

    public Insufficient {
      missing = List.copyOf(missing);
    }
  }
}
