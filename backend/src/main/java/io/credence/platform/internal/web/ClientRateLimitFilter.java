package io.credence.platform.internal.web;

import io.credence.platform.Problems;
import io.credence.platform.RateLimitedEndpoint;
import io.credence.platform.RateLimitedException;
import io.credence.platform.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-client limits of the endpoints modules declare ({@link RateLimitedEndpoint}), checked before
 * sessions, security and controllers: a flood of refused requests creates no session, token or
 * nonce, and (once {@link RateLimits} remembers the refusal) touches no database. The client is the
 * TCP peer, or the forwarded address from a trusted proxy ({@code X-Forwarded-For} from any other
 * peer is ignored by Tomcat's remote-IP valve before this filter runs).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ClientRateLimitFilter extends OncePerRequestFilter {

  // Resolved on first use: filters are built while Tomcat starts, before the database may be
  // reached (a start-up failure must stay the one line StartupFailureReporter prints).
  private final ObjectProvider<RateLimits> limits;
  private final List<RateLimitedEndpoint> endpoints;
  private final JsonMapper json;
  // The refusal's body is the same for every request: written once, not per refused request.
  private volatile byte[] refusalBody;

  ClientRateLimitFilter(
      ObjectProvider<RateLimits> limits, List<RateLimitedEndpoint> endpoints, JsonMapper json) {
    this.limits = limits;
    this.endpoints = List.copyOf(endpoints);
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    for (RateLimitedEndpoint endpoint : endpoints) {
      if (endpoint.method().matches(request.getMethod()) && endpoint.path().equals(path)) {
        try {
          limits.getObject().acquire(endpoint.limit(), request.getRemoteAddr());
        } catch (RateLimitedException e) {
          response.setStatus(e.status().value());
          response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
          response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
          byte[] body = refusalBody;
          if (body == null) {
            body =
                json.writeValueAsBytes(
                    Problems.of(e.status(), e.slug(), e.title(), e.getMessage()));
            refusalBody = body;
          }
          response.setContentLength(body.length);
          response.getOutputStream().write(body);
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }
}
