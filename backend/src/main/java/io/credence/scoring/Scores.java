package io.credence.scoring;

import io.credence.borrower.ProfileId;
import io.credence.scoring.internal.ScoreEngine;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Scores borrowers with the active model from their synced history. Every run is stored as an
 * immutable record and announced with {@link ScoreComputed}.
 */
@Service
public class Scores {

  private final ScoreEngine engine;

  Scores(ScoreEngine engine) {
    this.engine = engine;
  }

  /**
   * Scores the borrower now from everything synced so far, stores the run and publishes {@link
   * ScoreComputed}.
   *
   * @return the run: a score, or {@link ScoreRun.Insufficient} saying what is missing
   */
  public ScoreRun score(ProfileId profile) {
    return engine.score(profile);
  }

  /** The borrower's latest stored run. */
  public Optional<ScoreRun> latest(ProfileId profile) {
    return engine.latest(profile);
  }

  /** A stored run by id. */
  public Optional<ScoreRun> find(ScoreId id) {
    return engine.find(id);
  }

  /**
   * Scores the borrower again if a sync of any chain finished after their latest run (or they have
   * none); otherwise does nothing.
   */
  public Optional<ScoreRun> rescoreIfHistoryChanged(ProfileId profile) {
    return engine.rescoreIfHistoryChanged(profile);
  }
}
