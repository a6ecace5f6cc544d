package io.credence.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's front page. */
@Controller
class HomePage {

  @GetMapping("/")
  String home() {
    return "index";
  }
}
