package io.credence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalEntryTest {

  private static final byte[] PREV = new byte[32];
  private static final Instant AT = Instant.parse("2026-11-21T10:00:00.123456Z");

  @Test
  void detailsAreSortedAndEscaped() {
    assertThat(CanonicalEntry.details(Map.of("b", "2", "a", "q\"uote\n")))
        .isEqualTo("{\"a\":\"q\\\"uote\\u000a\",\"b\":\"2\"}");
  }

  @Test
  void everyFieldChangesTheHash() {
    byte[] base = CanonicalEntry.hash(PREV, 1, AT, "SIGN_IN", "p", "s", "{}");
    byte[] otherPrev = new byte[32];
    otherPrev[0] = 1;
    assertThat(CanonicalEntry.hash(otherPrev, 1, AT, "SIGN_IN", "p", "s", "{}")).isNotEqualTo(base);
    assertThat(CanonicalEntry.hash(PREV, 2, AT, "SIGN_IN", "p", "s", "{}")).isNotEqualTo(base);
    assertThat(CanonicalEntry.hash(PREV, 1, AT.plusNanos(1000), "SIGN_IN", "p", "s", "{}"))
        .isNotEqualTo(base);
    assertThat(CanonicalEntry.hash(PREV, 1, AT, "SIGN_OUT", "p", "s", "{}")).isNotEqualTo(base);
    assertThat(CanonicalEntry.hash(PREV, 1, AT, "SIGN_IN", "q", "s", "{}")).isNotEqualTo(base);
    assertThat(CanonicalEntry.hash(PREV, 1, AT, "SIGN_IN", "p", "t", "{}")).isNotEqualTo(base);
    assertThat(CanonicalEntry.hash(PREV, 1, AT, "SIGN_IN", "p", "s", "{\"a\":\"1\"}"))
        .isNotEqualTo(base);
    assertThat(CanonicalEntry.hash(PREV, 1, AT, "SIGN_IN", "p", "s", "{}")).isEqualTo(base);
  }

  @Test
  void fieldBoundariesCannotBeShifted() {
    assertThat(CanonicalEntry.hash(PREV, 1, AT, "T", "ab", "c", "{}"))
        .isNotEqualTo(CanonicalEntry.hash(PREV, 1, AT, "T", "a", "bc", "{}"));
  }

  @Test
  void timesAreKeptToMicroseconds() {
    assertThat(CanonicalEntry.truncate(Instant.parse("2026-11-21T10:00:00.123456789Z")))
        .isEqualTo(AT);
  }
}
