package io.credence.history.web;

import io.credence.platform.HttpAccessRules;
import io.credence.platform.Roles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The sync and history pages are the signed-in borrower's own (issue 16). */
@Component
class HistoryPageAccessRules implements HttpAccessRules {

  @Override
  public void configure(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules.requestMatchers("/sync", "/history").hasAuthority(Roles.BORROWER);
  }
}
