package io.credence.history;

import java.time.Instant;

/**
 * Progress of one borrower's sync on one chain.
 *
 * @param state {@code queued}, {@code running}, {@code done} or {@code failed} (a failed run is
 *     retried with backoff; {@code runs} counts attempts)
 * @param lastError the last failure, or null
 */
public record ChainSyncState(
    long chainId,
    String chain,
    String state,
    long blocksScanned,
    long eventsRead,
    int runs,
    String lastError,
    Instant requestedAt,
    Instant finishedAt) {}
