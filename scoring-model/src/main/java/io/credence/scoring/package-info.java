/**
 * Credence credit scoring model: plain Java and Tribuo, no Spring, JPA or web3j.
 *
 * <p>The backend calls three things: {@link io.credence.scoring.features.FeatureExtractor} to turn
 * a borrower's normalized lending events into a {@link io.credence.scoring.features.FeatureVector},
 * {@link io.credence.scoring.artifact.ModelArtifacts} to load the active scorecard (its id is
 * checked on load) and {@link io.credence.scoring.scorecard.Scorecard#score} to get the integer
 * score, band, probability of default and reason codes. Everything else (simulation, training,
 * evaluation, CLI) is for the risk team.
 */
package io.credence.scoring;
