/**
 * Credence credit scoring model: plain Java and Tribuo, no Spring, JPA or web3j.
 *
 * <p>The backend (integration planned) will call four things: {@link
 * io.credence.scoring.features.FeatureExtractor} to turn a borrower's normalized lending events,
 * wallet activity and positions into a {@link io.credence.scoring.features.FeatureVector}, {@link
 * io.credence.scoring.artifact.ModelArtifacts} to load the active scorecard (its id is checked on
 * load), {@link io.credence.scoring.scorecard.Scorecard#isScorable} to refuse thin files, and
 * {@link io.credence.scoring.scorecard.Scorecard#score} to get the integer score, band, probability
 * of default and reason codes ({@link io.credence.scoring.scorecard.InsufficientHistoryException}
 * for a thin file). Everything else (simulation with gaming borrowers, training, evaluation, CLI)
 * is for the risk team.
 */
package io.credence.scoring;
