package io.credence.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The limits against an in-memory stand-in for the shared PostgreSQL counter (which every request
 * that reaches it counts, like the real one), to show what this instance's memory of refusals may
 * and may not answer by itself.
 */
class RateLimitsTest {

  private static final Instant WINDOW_START = Instant.parse("2026-12-01T10:00:00Z");

  private final MutableClock clock = new MutableClock(WINDOW_START.plusSeconds(10));
  private final FakeCounter counter = new FakeCounter();

  private RateLimits limits(int requests, int cacheSize) {
    return new RateLimits(
        counter,
        clock,
        new RateLimits.Properties(
            true,
            Map.of("nonce", new RateLimits.Limit(requests, Duration.ofMinutes(1))),
            cacheSize,
            true,
            true));
  }

  @Test
  void aRefusedKeyIsRefusedLocallyUntilItsWindowEndsWithoutAskingTheCounter() {
    RateLimits limits = limits(3, 100);
    for (int i = 0; i < 3; i++) {
      limits.acquire("nonce", "192.0.2.1");
    }
    RateLimitedException first =
        catchThrowableOfType(
            RateLimitedException.class, () -> limits.acquire("nonce", "192.0.2.1"));
    assertThat(first.retryAfterSeconds()).isEqualTo(50);
    assertThat(counter.calls).isEqualTo(4);

    clock.now = WINDOW_START.plusSeconds(40);
    for (int i = 0; i < 1000; i++) {
      assertThatThrownBy(() -> limits.acquire("nonce", "192.0.2.1"))
          .isInstanceOf(RateLimitedException.class);
    }
    RateLimitedException later =
        catchThrowableOfType(
            RateLimitedException.class, () -> limits.acquire("nonce", "192.0.2.1"));
    assertThat(later.retryAfterSeconds()).as("same window end").isEqualTo(20);
    assertThat(counter.calls).as("no counter work for remembered refusals").isEqualTo(4);
  }

  @Test
  void whenTheWindowEndsTheCounterIsAskedAgainAndAllowsTheKey() {
    RateLimits limits = limits(1, 100);
    limits.acquire("nonce", "192.0.2.1");
    assertThatThrownBy(() -> limits.acquire("nonce", "192.0.2.1"))
        .isInstanceOf(RateLimitedException.class);

    clock.now = WINDOW_START.plusSeconds(60);
    limits.acquire("nonce", "192.0.2.1");

    assertThat(counter.calls).isEqualTo(3);
  }

  @Test
  void aKeyTheCounterAllowsIsNeverRefusedByAnotherKeysRefusal() {
    RateLimits limits = limits(1, 100);
    limits.acquire("nonce", "192.0.2.1");
    assertThatThrownBy(() -> limits.acquire("nonce", "192.0.2.1"))
        .isInstanceOf(RateLimitedException.class);

    limits.acquire("nonce", "192.0.2.2");
    limits.acquire("nonce", "192.0.2.10");

    assertThat(counter.hits).containsEntry("192.0.2.2", 1).containsEntry("192.0.2.10", 1);
  }

  @Test
  void aKeyIsRefusedOnlyAfterTheCounterRefusedIt() {
    // Another instance used up most of the window: this one learns it only from the counter.
    counter.hits.put("192.0.2.1", 2);
    RateLimits limits = limits(3, 100);

    limits.acquire("nonce", "192.0.2.1");
    assertThatThrownBy(() -> limits.acquire("nonce", "192.0.2.1"))
        .isInstanceOf(RateLimitedException.class);
    assertThat(counter.calls).isEqualTo(2);
  }

  @Test
  void theEarlyCheckAnswersOnlyWhatTheCounterAlreadyRefusedAndNeverCounts() {
    RateLimits limits = limits(2, 100);
    assertThat(limits.rememberedRefusalSeconds("nonce", "192.0.2.1")).isZero();
    limits.acquire("nonce", "192.0.2.1");
    limits.acquire("nonce", "192.0.2.1");
    assertThat(limits.rememberedRefusalSeconds("nonce", "192.0.2.1"))
        .as("the window is full, but the counter has not refused yet: left to acquire")
        .isZero();
    assertThat(counter.calls).isEqualTo(2);
    assertThatThrownBy(() -> limits.acquire("nonce", "192.0.2.1"))
        .isInstanceOf(RateLimitedException.class)
        .satisfies(e -> assertThat(e.getStackTrace()).as("a flood's exception is cheap").isEmpty());

    clock.now = WINDOW_START.plusSeconds(45);
    assertThat(limits.rememberedRefusalSeconds("nonce", "192.0.2.1")).isEqualTo(15);
    assertThat(limits.rememberedRefusalSeconds("nonce", "192.0.2.2")).as("another key").isZero();
    assertThat(counter.calls).as("the early check never counts").isEqualTo(3);

    clock.now = WINDOW_START.plusSeconds(60);
    assertThat(limits.rememberedRefusalSeconds("nonce", "192.0.2.1")).as("next window").isZero();
    limits.acquire("nonce", "192.0.2.1");
  }

  @Test
  void withoutTheCacheEveryRequestAsksTheCounter() {
    RateLimits limits = limits(1, 0);
    limits.acquire("nonce", "192.0.2.1");
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> limits.acquire("nonce", "192.0.2.1"))
          .isInstanceOf(RateLimitedException.class);
    }
    assertThat(counter.calls).isEqualTo(6);
  }

  @Test
  void aNegativeCacheSizeIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new RateLimits.Properties(true, Map.of(), -1, true, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refusal-cache-size");
  }

  /** Counts every hit per key in one window, like the PostgreSQL upsert. */
  private static final class FakeCounter implements RateLimits.SharedCounter {
    final Map<String, Integer> hits = new HashMap<>();
    int calls;

    @Override
    public int hit(String limit, String key, Instant windowStart) {
      calls++;
      if (!windowStart.equals(WINDOW_START)) {
        hits.clear();
      }
      return hits.merge(key, 1, Integer::sum);
    }

    @Override
    public void purgeBefore(Instant instant) {}
  }

  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
