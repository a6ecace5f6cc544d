package io.credence.platform;

import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A caller went over a rate limit; answered with {@code 429} and {@code Retry-After}. Thrown for
 * every refused request of a flood, so it records no stack trace.
 */
public final class RateLimitedException extends ApiProblemException {

  private static final long serialVersionUID = 1L;

  private static final String SLUG = "rate-limited";
  private static final String TITLE = "Too many requests";
  private static final String DETAIL =
      "too many requests from this client or for this wallet; retry later";

  private final transient Duration retryAfter;

  RateLimitedException(Duration retryAfter) {
    super(HttpStatus.TOO_MANY_REQUESTS, SLUG, TITLE, DETAIL, false);
    this.retryAfter = retryAfter;
  }

  /** Whole seconds until the window ends, at least 1. */
  public long retryAfterSeconds() {
    return seconds(retryAfter);
  }

  /** The problem every refusal answers: the same for every caller, with no request input in it. */
  public static ProblemDetail problem() {
    return Problems.of(HttpStatus.TOO_MANY_REQUESTS, SLUG, TITLE, DETAIL);
  }

  static long seconds(Duration retryAfter) {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
