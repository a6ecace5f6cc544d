package io.credence.platform.internal.security;

import io.credence.platform.PublicOrigin;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The {@code XSRF-TOKEN} cookie: only a transport that lets scripts read the session's CSRF token.
 * The token itself lives in the session, so a cookie a client chose proves nothing.
 */
final class XsrfCookie {

  static final String NAME = "XSRF-TOKEN";

  private final PublicOrigin origin;

  XsrfCookie(PublicOrigin origin) {
    this.origin = origin;
  }

  void write(HttpServletResponse response, String value) {
    ResponseCookie cookie =
        ResponseCookie.from(NAME, value == null ? "" : value)
            .path("/")
            .sameSite("Lax")
            .secure(origin.secure())
            .httpOnly(false)
            .maxAge(value == null ? 0 : -1)
            .build();
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
  }

  static String sent(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (NAME.equals(cookie.getName())) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }
}
