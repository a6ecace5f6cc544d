package io.credence.platform.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens kept in the (database-backed) session and mirrored into the {@code XSRF-TOKEN} cookie
 * whenever a new one is saved. A request's token is compared with the session's, never with the
 * cookie, so a forged cookie and header pair is refused.
 */
final class SessionCsrfTokenRepository implements CsrfTokenRepository {

  private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
  private final XsrfCookie cookie;

  SessionCsrfTokenRepository(XsrfCookie cookie) {
    this.cookie = cookie;
    session.setHeaderName("X-XSRF-TOKEN");
  }

  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    return session.generateToken(request);
  }

  @Override
  public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    session.saveToken(token, request, response);
    cookie.write(response, token == null ? null : token.getToken());
  }

  @Override
  public CsrfToken loadToken(HttpServletRequest request) {
    return session.loadToken(request);
  }
}
