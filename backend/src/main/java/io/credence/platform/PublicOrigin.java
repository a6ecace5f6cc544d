package io.credence.platform;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The public origin of this server (scheme://host[:port]). Sign-in messages must name it. It comes
 * from {@code credence.public-base-url}, or else from the address the server listens on.
 */
@Component
public class PublicOrigin {

  private final AtomicReference<URI> origin = new AtomicReference<>();

  PublicOrigin(@Value("${credence.public-base-url:}") String configured) {
    if (StringUtils.hasText(configured)) {
      URI uri = URI.create(configured);
      if (uri.getScheme() == null || uri.getRawAuthority() == null) {
        throw new IllegalArgumentException(
            "credence.public-base-url must be an absolute http(s) URL, e.g. https://credence.example");
      }
      origin.set(URI.create(uri.getScheme() + "://" + uri.getRawAuthority()));
    }
  }

  @EventListener
  void onServerStarted(WebServerInitializedEvent event) {
    origin.compareAndSet(null, URI.create("http://localhost:" + event.getWebServer().getPort()));
  }

  /** Empty until the server has started, unless an origin is configured. */
  public java.util.Optional<URI> known() {
    return java.util.Optional.ofNullable(origin.get());
  }

  /** scheme://authority, e.g. {@code http://localhost:8080}. */
  public String value() {
    return uri().toString();
  }

  public URI uri() {
    URI current = origin.get();
    if (current == null) {
      throw new IllegalStateException("the public origin is not known before the server starts");
    }
    return current;
  }

  /**
   * Whether the configured origin is https: then every cookie is {@code Secure} and HSTS is sent.
   * Decided at start-up from configuration (the fallback origin is plain http).
   */
  public boolean secure() {
    URI current = origin.get();
    return current != null && "https".equalsIgnoreCase(current.getScheme());
  }

  /** host[:port] — the SIWE {@code domain}. */
  public String authority() {
    return uri().getRawAuthority();
  }
}
