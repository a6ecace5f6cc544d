package io.credence.borrower.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** Finding 1: a session ends at its absolute lifetime, however active it has been. */
class SessionLifetimeFilterTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private final SessionLifetimeFilter filter =
      new SessionLifetimeFilter(
          Clock.fixed(NOW, ZoneOffset.UTC), new SessionProperties(Duration.ofDays(7)));

  @Test
  void aSessionSignedInLongerAgoThanTheLifetimeEnds() throws Exception {
    MockHttpSession session = signedInSession(NOW.minus(Duration.ofDays(7)));
    run(session);
    assertThat(session.isInvalid()).isTrue();
  }

  @Test
  void aYoungerSessionStays() throws Exception {
    MockHttpSession session = signedInSession(NOW.minus(Duration.ofDays(6)));
    run(session);
    assertThat(session.isInvalid()).isFalse();
  }

  @Test
  void aSignedInSessionWithoutASignInTimeEnds() throws Exception {
    MockHttpSession session = new MockHttpSession();
    session.setAttribute(
        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
        new SecurityContextImpl());
    run(session);
    assertThat(session.isInvalid()).isTrue();
  }

  @Test
  void anAnonymousSessionStays() throws Exception {
    MockHttpSession session = new MockHttpSession();
    run(session);
    assertThat(session.isInvalid()).isFalse();
  }

  private static MockHttpSession signedInSession(Instant signedInAt) {
    MockHttpSession session = new MockHttpSession();
    session.setAttribute(
        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
        new SecurityContextImpl());
    session.setAttribute(BorrowerSessions.SIGNED_IN_AT, signedInAt.toEpochMilli());
    return session;
  }

  private void run(MockHttpSession session) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/wallets");
    request.setSession(session);
    filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
  }
}
