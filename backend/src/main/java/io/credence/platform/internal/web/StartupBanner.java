package io.credence.platform.internal.web;

import io.credence.platform.PublicOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the server where the portal is. */
@Component
class StartupBanner {

  private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

  private final PublicOrigin origin;

  StartupBanner(PublicOrigin origin) {
    this.origin = origin;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ready() {
    origin.known().ifPresent(uri -> log.info("Credence portal: {}/", uri));
  }
}
