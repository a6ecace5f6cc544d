package io.credence.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's own access rules for the paths it serves. The platform's security filter chain applies
 * every module's rules, then requires authentication for anything no rule names, so a module adds
 * its endpoints without editing a central list.
 */
@FunctionalInterface
public interface HttpAccessRules {

  /** Adds this module's matchers; never a catch-all such as {@code anyRequest()}. */
  void configure(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules);
}
