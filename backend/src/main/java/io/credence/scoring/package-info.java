/**
 * Scores from synced history with the registered model (issue 11).
 *
 * <p>Public API, implemented: {@link io.credence.scoring.ScoringModels} (the model registry: the
 * bundled scorecard artifact registered at start-up under its SHA-256 model id with its evaluation
 * summary, one active model, earlier ones kept), {@link io.credence.scoring.Scores} (score a
 * borrower with the active model, every run stored immutably; latest and stored runs), the run
 * {@link io.credence.scoring.ScoreRun} ({@code Scored} or {@code Insufficient}) with the data it
 * used ({@link io.credence.scoring.DataUsed}), and the event {@link
 * io.credence.scoring.ScoreComputed} (published in the run's transaction; it carries ids, never the
 * score). {@code GET /api/v1/score} lives in {@code web}.
 *
 * <p>The backend classes share the package prefix {@code io.credence.scoring} with the {@code
 * scoring-model} jar (features, scorecard, reasons, artifact); the backend's own types are only in
 * this package and its {@code internal} and {@code web} subpackages.
 */
@ApplicationModule(
    displayName = "Scoring",
    allowedDependencies = {"platform", "auth", "borrower", "history"})
package io.credence.scoring;

import org.springframework.modulith.ApplicationModule;
