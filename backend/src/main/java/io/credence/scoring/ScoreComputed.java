package io.credence.scoring;

import io.credence.borrower.ProfileId;
import java.time.Instant;

/**
 * A score run was stored. Published inside the run's transaction; it carries ids only (never the
 * score), so listeners that need the score read it with {@link Scores#find(ScoreId)}.
 *
 * @param scored false when the borrower had too little history to score
 */
public record ScoreComputed(
    ScoreId scoreId, ProfileId profile, String modelId, boolean scored, Instant computedAt) {}
