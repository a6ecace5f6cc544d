package io.credence.compliance.web;

import io.credence.platform.HttpAccessRules;
import io.credence.platform.Roles;
import io.credence.platform.WalletRoles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The compliance pages need a compliance officer's wallet (issue 16): anonymous visitors are sent
 * to sign in, any other signed-in wallet gets the "Not allowed" page.
 */
@Component
class CompliancePageAccessRules implements HttpAccessRules {

  private final WalletRoles roles;

  CompliancePageAccessRules(WalletRoles roles) {
    this.roles = roles;
  }

  @Override
  public void configure(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules.requestMatchers("/compliance", "/compliance/**").access(roles.requires(Roles.COMPLIANCE));
  }
}
