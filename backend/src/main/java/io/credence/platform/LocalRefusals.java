package io.credence.platform;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This instance's memory of keys the shared counter has already refused: "(limit, key) is refused
 * until the end of its window". It only ever repeats an answer the shared counter gave for the same
 * window, so it can make a refusal cheaper but never refuse a request the counter would allow
 * (windows only fill up until they end).
 *
 * <p>Bounded: at {@code capacity} entries, expired ones are swept (at most once a second, so a full
 * table of live refusals costs no sweep per request); if none expired, the new refusal is simply
 * not remembered and the next request asks the counter again, as without this cache.
 */
final class LocalRefusals {

  private static final long SWEEP_INTERVAL_MILLIS = 1_000;

  private final int capacity;
  private final ConcurrentHashMap<Key, Instant> refusedUntil = new ConcurrentHashMap<>();
  private final AtomicLong lastSweep = new AtomicLong(Long.MIN_VALUE);

  /**
   * @param capacity most entries kept; 0 remembers nothing (every request asks the counter)
   */
  LocalRefusals(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0");
    }
    this.capacity = capacity;
  }

  /** When the key's refusal ends, if one is remembered and still runs at {@code now}; else null. */
  Instant refusedUntil(String limit, String key, Instant now) {
    if (capacity == 0) {
      return null;
    }
    Key k = new Key(limit, key);
    Instant until = refusedUntil.get(k);
    if (until == null) {
      return null;
    }
    if (!now.isBefore(until)) {
      refusedUntil.remove(k, until);
      return null;
    }
    return until;
  }

  /** Remembers that the shared counter refused the key for the window ending at {@code until}. */
  void remember(String limit, String key, Instant until, Instant now) {
    if (capacity == 0 || !now.isBefore(until)) {
      return;
    }
    Key k = new Key(limit, key);
    if (refusedUntil.size() >= capacity && !refusedUntil.containsKey(k)) {
      sweep(now);
      if (refusedUntil.size() >= capacity) {
        return;
      }
    }
    refusedUntil.merge(k, until, (a, b) -> a.isAfter(b) ? a : b);
  }

  int size() {
    return refusedUntil.size();
  }

  private void sweep(Instant now) {
    long last = lastSweep.get();
    long nowMillis = now.toEpochMilli();
    if (last != Long.MIN_VALUE && nowMillis - last < SWEEP_INTERVAL_MILLIS
        || !lastSweep.compareAndSet(last, nowMillis)) {
      return;
    }
    refusedUntil.values().removeIf(until -> !now.isBefore(until));
  }

  private record Key(String limit, String key) {}
}
