package io.credence.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocalRefusalsTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:10Z");
  private static final Instant WINDOW_END = Instant.parse("2026-12-01T10:01:00Z");

  @Test
  void aRememberedRefusalRunsUntilItsWindowEndAndThenIsForgotten() {
    LocalRefusals refusals = new LocalRefusals(10);
    refusals.remember("nonce", "192.0.2.1", WINDOW_END, NOW);

    assertThat(refusals.refusedUntil("nonce", "192.0.2.1", NOW)).isEqualTo(WINDOW_END);
    assertThat(refusals.refusedUntil("nonce", "192.0.2.1", WINDOW_END.minusMillis(1)))
        .isEqualTo(WINDOW_END);
    assertThat(refusals.refusedUntil("nonce", "192.0.2.1", WINDOW_END)).isNull();
    assertThat(refusals.size()).as("an expired entry is dropped when met").isZero();
  }

  @Test
  void refusalsAreKeptPerLimitAndKey() {
    LocalRefusals refusals = new LocalRefusals(10);
    refusals.remember("nonce", "192.0.2.1", WINDOW_END, NOW);

    assertThat(refusals.refusedUntil("sign-in", "192.0.2.1", NOW)).isNull();
    assertThat(refusals.refusedUntil("nonce", "192.0.2.2", NOW)).isNull();
  }

  @Test
  void atCapacityExpiredEntriesMakeRoomAndLiveOnesAreNeverEvicted() {
    LocalRefusals refusals = new LocalRefusals(2);
    refusals.remember("nonce", "a", NOW.plusSeconds(1), NOW);
    refusals.remember("nonce", "b", WINDOW_END, NOW);
    refusals.remember("nonce", "c", WINDOW_END, NOW);
    assertThat(refusals.size()).isEqualTo(2);
    assertThat(refusals.refusedUntil("nonce", "c", NOW)).as("full: not remembered").isNull();

    Instant later = NOW.plusSeconds(2);
    refusals.remember("nonce", "c", WINDOW_END, later);

    assertThat(refusals.size()).isEqualTo(2);
    assertThat(refusals.refusedUntil("nonce", "a", later)).isNull();
    assertThat(refusals.refusedUntil("nonce", "b", later)).isEqualTo(WINDOW_END);
    assertThat(refusals.refusedUntil("nonce", "c", later)).isEqualTo(WINDOW_END);
  }

  @Test
  void aFloodOfNewKeysNeverGrowsItBeyondItsCapacity() {
    LocalRefusals refusals = new LocalRefusals(100);
    for (int i = 0; i < 10_000; i++) {
      refusals.remember("nonce", "10.0." + (i >> 8) + "." + (i & 255), WINDOW_END, NOW);
    }
    assertThat(refusals.size()).isEqualTo(100);
  }

  @Test
  void aWindowThatAlreadyEndedOrAZeroCapacityRemembersNothing() {
    LocalRefusals refusals = new LocalRefusals(10);
    refusals.remember("nonce", "192.0.2.1", NOW, NOW);
    assertThat(refusals.size()).isZero();

    LocalRefusals off = new LocalRefusals(0);
    off.remember("nonce", "192.0.2.1", WINDOW_END, NOW);
    assertThat(off.refusedUntil("nonce", "192.0.2.1", NOW)).isNull();
    assertThatThrownBy(() -> new LocalRefusals(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
