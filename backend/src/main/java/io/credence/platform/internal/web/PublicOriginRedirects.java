package io.credence.platform.internal.web;

import io.credence.platform.PublicOrigin;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every redirect points at the configured public origin. Whatever the framework built from the
 * request's {@code Host} (or a forwarded host) is replaced: only the path and query survive, so
 * {@code Host: evil.example} can never send a visitor elsewhere.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PublicOriginRedirects extends OncePerRequestFilter {

  private final PublicOrigin origin;

  PublicOriginRedirects(PublicOrigin origin) {
    this.origin = origin;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, new Rewriting(request, response));
  }

  /** The absolute URL on the public origin for a redirect target. */
  String rewrite(HttpServletRequest request, String location) {
    URI base = URI.create(origin.value() + request.getRequestURI());
    URI target;
    try {
      target = base.resolve(location);
    } catch (IllegalArgumentException e) {
      target = URI.create("/");
    }
    StringBuilder url = new StringBuilder(origin.value());
    String path = target.getRawPath();
    url.append(path == null || path.isEmpty() ? "/" : path);
    if (target.getRawQuery() != null) {
      url.append('?').append(target.getRawQuery());
    }
    if (target.getRawFragment() != null) {
      url.append('#').append(target.getRawFragment());
    }
    return url.toString();
  }

  private final class Rewriting extends HttpServletResponseWrapper {
    private final HttpServletRequest request;

    Rewriting(HttpServletRequest request, HttpServletResponse response) {
      super(response);
      this.request = request;
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      super.sendRedirect(rewrite(request, location));
    }

    @Override
    public void sendRedirect(String location, int sc) throws IOException {
      super.sendRedirect(rewrite(request, location), sc);
    }

    @Override
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
      super.sendRedirect(rewrite(request, location), clearBuffer);
    }

    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
      super.sendRedirect(rewrite(request, location), sc, clearBuffer);
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, isLocation(name) ? rewrite(request, value) : value);
    }

    @Override
    public void addHeader(String name, String value) {
      super.addHeader(name, isLocation(name) ? rewrite(request, value) : value);
    }

    private boolean isLocation(String name) {
      return HttpHeaders.LOCATION.equalsIgnoreCase(name);
    }
  }
}
