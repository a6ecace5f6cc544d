package io.credence.platform.internal.web;

import io.credence.platform.RateLimitedException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a rate-limit refusal: {@code 429}, {@code Retry-After} and the RFC 9457 problem, whose
 * body is the same for every caller and so serialised once. Used by both places that refuse ({@link
 * EarlyRefusalValve}, {@link ClientRateLimitFilter}), so a refusal looks the same wherever it was
 * made.
 */
final class RateLimitRefusal {

  private final byte[] body;

  RateLimitRefusal(JsonMapper json) {
    this.body = json.writeValueAsBytes(RateLimitedException.problem());
  }

  void write(HttpServletResponse response, long retryAfterSeconds) throws IOException {
    response.setStatus(429);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
