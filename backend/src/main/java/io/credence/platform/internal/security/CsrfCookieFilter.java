package io.credence.platform.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Loads the deferred CSRF token (creating the session's token on first use) and sends it in the
 * {@code XSRF-TOKEN} cookie whenever the browser's copy differs from the session's.
 */
final class CsrfCookieFilter extends OncePerRequestFilter {

  private final CsrfTokenRepository tokens;
  private final XsrfCookie cookie;

  CsrfCookieFilter(CsrfTokenRepository tokens, XsrfCookie cookie) {
    this.tokens = tokens;
    this.cookie = cookie;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    if (token != null) {
      token.getToken(); // the attribute is the masked form; this creates the session's token
      CsrfToken raw = tokens.loadToken(request);
      boolean alreadySent =
          response.getHeaders(HttpHeaders.SET_COOKIE).stream()
              .anyMatch(c -> c.startsWith(XsrfCookie.NAME + "="));
      if (raw != null
          && !raw.getToken().equals(XsrfCookie.sent(request))
          && !alreadySent
          && !response.isCommitted()) {
        cookie.write(response, raw.getToken());
      }
    }
    chain.doFilter(request, response);
  }
}
