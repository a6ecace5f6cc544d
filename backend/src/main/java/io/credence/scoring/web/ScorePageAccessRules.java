package io.credence.scoring.web;

import io.credence.platform.HttpAccessRules;
import io.credence.platform.Roles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** "My score" is the signed-in borrower's own (issue 16). */
@Component
class ScorePageAccessRules implements HttpAccessRules {

  @Override
  public void configure(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules.requestMatchers("/score").hasAuthority(Roles.BORROWER);
  }
}
