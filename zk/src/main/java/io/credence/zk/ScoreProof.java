package io.credence.zk;

/**
 * A proof that the score committed to in {@code commitment} satisfies {@code statement}. All fields
 * are public data; the opening stays with the prover.
 */
public record ScoreProof(Statement statement, Commitment commitment, RangeProof proof) {}
