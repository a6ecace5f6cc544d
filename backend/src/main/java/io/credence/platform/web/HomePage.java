package io.credence.platform.web;

import io.credence.platform.PortalController;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's front page. */
@PortalController
class HomePage {

  @GetMapping("/")
  String home() {
    return "index";
  }
}
