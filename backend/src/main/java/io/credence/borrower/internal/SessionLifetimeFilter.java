package io.credence.borrower.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session once its absolute lifetime has passed, however active it is. Runs after
 * the session filter and before Spring Security, so the request is then served as anonymous.
 */
@Component
@Order(-200) // after Spring Session (MIN_VALUE + 50), before Spring Security (-100)
class SessionLifetimeFilter extends OncePerRequestFilter {

  private final Clock clock;
  private final SessionProperties props;

  SessionLifetimeFilter(Clock clock, SessionProperties props) {
    this.clock = clock;
    this.props = props;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null) {
      boolean signedIn =
          session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
              != null;
      Object at = session.getAttribute(BorrowerSessions.SIGNED_IN_AT);
      boolean expired =
          at instanceof Long since
              ? clock.millis() - since >= props.absoluteLifetime().toMillis()
              : signedIn; // a signed-in session without a sign-in time is not trusted
      if (expired) {
        session.invalidate();
      }
    }
    chain.doFilter(request, response);
  }
}
