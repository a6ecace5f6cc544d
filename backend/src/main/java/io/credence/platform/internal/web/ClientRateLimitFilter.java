package io.credence.platform.internal.web;

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
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-client limits of the endpoints modules declare ({@link RateLimitedEndpoint}), checked before
 * sessions, security and controllers: a flood of refused requests creates no session, token or
 * nonce, and (once {@link RateLimits} remembers the refusal) touches no database. The client is the
 * TCP peer, or the forwarded address from a trusted proxy ({@code X-Forwarded-For} from any other
 * peer is ignored by Tomcat's remote-IP valve before this filter runs).
 *
 * <p>A client this instance already refused is normally answered earlier still, by {@link
 * EarlyRefusalValve}; this filter counts, and refuses the first request over a limit. It compares
 * the same decoded, normalised path as the valve (the servlet path): {@code /api/v1/auth/%6eonce}
 * or {@code /api/v1/auth/nonce;x} reach the nonce endpoint, so they count against its limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ClientRateLimitFilter extends OncePerRequestFilter {

  // Resolved on first use: filters are built while Tomcat starts, before the database may be
  // reached (a start-up failure must stay the one line StartupFailureReporter prints).
  private final ObjectProvider<RateLimits> limits;
  private final List<RateLimitedEndpoint> endpoints;
  private final RateLimitRefusal refusal;

  ClientRateLimitFilter(
      ObjectProvider<RateLimits> limits, List<RateLimitedEndpoint> endpoints, JsonMapper json) {
    this.limits = limits;
    this.endpoints = List.copyOf(endpoints);
    this.refusal = new RateLimitRefusal(json);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path =
        request.getPathInfo() == null
            ? request.getServletPath()
            : request.getServletPath() + request.getPathInfo();
    for (RateLimitedEndpoint endpoint : endpoints) {
      if (endpoint.method().matches(request.getMethod()) && endpoint.path().equals(path)) {
        try {
          limits.getObject().acquire(endpoint.limit(), request.getRemoteAddr());
        } catch (RateLimitedException e) {
          refusal.write(response, e.retryAfterSeconds());
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }
}
