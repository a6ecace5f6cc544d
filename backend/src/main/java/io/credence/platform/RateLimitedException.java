package io.credence.platform;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/** A caller went over a rate limit; answered with {@code 429} and {@code Retry-After}. */
public final class RateLimitedException extends ApiProblemException {

  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  RateLimitedException(Duration retryAfter) {
    super(
        HttpStatus.TOO_MANY_REQUESTS,
        "rate-limited",
        "Too many requests",
        "too many requests from this client or for this wallet; retry later");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds until the window ends, at least 1. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
