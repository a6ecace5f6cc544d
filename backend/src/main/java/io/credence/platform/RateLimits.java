package io.credence.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
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
 *
 * <p>Once the shared counter has refused a key, this instance remembers it until the window ends
 * ({@code credence.rate-limits.refusal-cache-size} keys at most) and refuses that key's further
 * requests without asking the database, so a flood of refused requests costs no database work. The
 * shared counter stays the only source of a refusal: a key is refused locally only for the rest of
 * a window the counter already found full, so no limit is ever loosened.
 */
@Service
public class RateLimits {

  private final SharedCounter counter;
  private final Clock clock;
  private final Properties props;
  private final LocalRefusals refusals;

  @Autowired
  RateLimits(JdbcClient jdbc, Clock clock, Properties props) {
    this(new PostgresCounter(jdbc), clock, props);
  }

  RateLimits(SharedCounter counter, Clock clock, Properties props) {
    this.counter = counter;
    this.clock = clock;
    this.props = props;
    this.refusals = new LocalRefusals(props.refusalCacheSize());
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
    Instant now = clock.instant();
    String boundedKey = bounded(key);
    Instant refusedUntil = refusals.refusedUntil(limit, boundedKey, now);
    if (refusedUntil != null) {
      throw new RateLimitedException(Duration.between(now, refusedUntil));
    }
    long windowMillis = configured.window().toMillis();
    Instant windowStart =
        Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
    Instant windowEnd = windowStart.plusMillis(windowMillis);
    if (counter.hit(limit, boundedKey, windowStart) > configured.requests()) {
      refusals.remember(limit, boundedKey, windowEnd, now);
      throw new RateLimitedException(Duration.between(now, windowEnd));
    }
  }

  /**
   * Whether this instance remembers refusing the key for the rest of its window: what {@link
   * #acquire} would throw, answered from memory only — no counting, no database, no exception — so
   * the earliest stage of a request can refuse a flood cheaply. A key it does not remember is left
   * to {@link #acquire}, which stays the only source of a refusal.
   *
   * @return whole seconds until the remembered refusal ends (at least 1), or 0 when none is
   *     remembered (or the limits are off)
   */
  public long rememberedRefusalSeconds(String limit, String key) {
    if (!props.enabled()) {
      return 0;
    }
    Instant now = clock.instant();
    Instant until = refusals.refusedUntil(limit, bounded(key), now);
    return until == null ? 0 : RateLimitedException.seconds(Duration.between(now, until));
  }

  private static String bounded(String key) {
    return key.length() > 128 ? key.substring(0, 128) : key;
  }

  /** Counters of windows that ended a day ago are dead weight. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
  void purge() {
    counter.purgeBefore(clock.instant().minus(Duration.ofDays(1)));
  }

  /** The counter all instances share. */
  interface SharedCounter {
    /** Counts one request in the window starting at {@code windowStart}; returns its count. */
    int hit(String limit, String key, Instant windowStart);

    void purgeBefore(Instant instant);
  }

  private record PostgresCounter(JdbcClient jdbc) implements SharedCounter {

    @Override
    public int hit(String limit, String key, Instant windowStart) {
      return jdbc.sql(
              """
                INSERT INTO rate_limit_counter (bucket, client_key, window_start, hits)
                VALUES (?, ?, ?, 1)
                ON CONFLICT (bucket, client_key) DO UPDATE SET
                  hits = CASE WHEN rate_limit_counter.window_start = EXCLUDED.window_start
                              THEN rate_limit_counter.hits + 1 ELSE 1 END,
                  window_start = EXCLUDED.window_start
                RETURNING hits
                """)
          .params(limit, key, OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC))
          .query(Integer.class)
          .single();
    }

    @Override
    public void purgeBefore(Instant instant) {
      jdbc.sql("DELETE FROM rate_limit_counter WHERE window_start < ?")
          .param(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC))
          .update();
    }
  }

  /**
   * @param enabled false switches every limit off (benchmarks of the unlimited server only)
   * @param limits by name
   * @param refusalCacheSize how many refused keys this instance remembers until their window ends
   *     (0: none, every request asks the shared counter)
   * @param earlyRefusal refuse remembered keys in Tomcat's request pipeline, before the servlet
   *     filters run (false: in the rate-limit filter, as before session 4; for benchmarks)
   * @param drainRefusedBodies when refused early, drop a body that has already arrived in full so
   *     the connection stays open (false: every refused request with a body closes its connection)
   */
  @ConfigurationProperties("credence.rate-limits")
  @Validated
  public record Properties(
      @DefaultValue("true") boolean enabled,
      Map<String, Limit> limits,
      @DefaultValue("10000") int refusalCacheSize,
      @DefaultValue("true") boolean earlyRefusal,
      @DefaultValue("true") boolean drainRefusedBodies) {
    public Properties {
      limits = limits == null ? Map.of() : Map.copyOf(limits);
      if (refusalCacheSize < 0) {
        throw new IllegalArgumentException("refusal-cache-size must be >= 0");
      }
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
