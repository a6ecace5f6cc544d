package io.credence.scoring.web;

import io.credence.platform.HttpAccessRules;
import io.credence.platform.Roles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The score is the signed-in borrower's own. */
@Component
class ScoringAccessRules implements HttpAccessRules {

  @Override
  public void configure(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules.requestMatchers("/api/v1/score").hasAuthority(Roles.BORROWER);
  }
}
