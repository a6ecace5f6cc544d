package io.credence.lender.web;

import io.credence.platform.HttpAccessRules;
import io.credence.platform.Roles;
import io.credence.platform.WalletRoles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** "Verify" is open to anyone; "My verifications" needs a lender wallet (issue 16). */
@Component
class LenderPageAccessRules implements HttpAccessRules {

  private final WalletRoles roles;

  LenderPageAccessRules(WalletRoles roles) {
    this.roles = roles;
  }

  @Override
  public void configure(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules
        .requestMatchers("/verify")
        .permitAll()
        .requestMatchers("/lender", "/lender/**")
        .access(roles.requires(Roles.LENDER));
  }
}
