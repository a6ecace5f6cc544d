package io.credence.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;

/**
 * Request limits shared by every server instance: a fixed-window counter per (limit, key) in
 * PostgreSQL, one upsert per request. Limits are configured under {@code
 * credence.rate-limits.limits.<name>} ({@code requests} per {@code window}); call {@link #acquire}
 * outside any transaction, before the work it guards.
 */
@Service
public class RateLimits {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Properties props;

  RateLimits(JdbcClient jdbc, Clock clock, Properties props) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.props = props;
  }

  /**
   * Counts one request against the limit for this key.
   *
   * @param limit a configured limit name, e.g. {@code nonce-per-client}
   * @param key whom the limit applies to: a client address, a wallet address
   * @throws RateLimitedException when the key has used up its window
   * @throws IllegalStateException when the limit is not configured
   */
  public void acquire(String limit, String key) {
    if (!props.enabled()) {
      return;
    }
    Limit configured = props.limits().get(limit);
    if (configured == null) {
      throw new IllegalStateException("rate limit " + limit + " is not configured");
    }
    long windowMillis = configured.window().toMillis();
    Instant now = clock.instant();
    Instant windowStart =
        Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
    String boundedKey = key.length() > 128 ? key.substring(0, 128) : key;
    int hits =
        jdbc.sql(
                """
                INSERT INTO rate_limit_counter (bucket, client_key, window_start, hits)
                VALUES (?, ?, ?, 1)
                ON CONFLICT (bucket, client_key) DO UPDATE SET
                  hits = CASE WHEN rate_limit_counter.window_start = EXCLUDED.window_start
                              THEN rate_limit_counter.hits + 1 ELSE 1 END,
                  window_start = EXCLUDED.window_start
                RETURNING hits
                """)
            .params(limit, boundedKey, OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC))
            .query(Integer.class)
            .single();
    if (hits > configured.requests()) {
      Duration retryAfter = Duration.between(now, windowStart.plusMillis(windowMillis));
      throw new RateLimitedException(retryAfter);
    }
  }

  /** Counters of windows that ended a day ago are dead weight. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
  void purge() {
    jdbc.sql("DELETE FROM rate_limit_counter WHERE window_start < ?")
        .param(OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofDays(1)), ZoneOffset.UTC))
        .update();
  }

  /**
   * @param enabled false switches every limit off (benchmarks of the unlimited server only)
   * @param limits by name
   */
  @ConfigurationProperties("credence.rate-limits")
  @Validated
  public record Properties(@DefaultValue("true") boolean enabled, Map<String, Limit> limits) {
    public Properties {
      limits = limits == null ? Map.of() : Map.copyOf(limits);
    }
  }

  /**
   * @param requests how many requests a key may make per window
   * @param window the window length
   */
  public record Limit(int requests, Duration window) {
    public Limit {
      if (requests < 1 || window == null || window.toMillis() < 1) {
        throw new IllegalArgumentException("a rate limit needs requests >= 1 and a window");
      }
    }
  }
}
