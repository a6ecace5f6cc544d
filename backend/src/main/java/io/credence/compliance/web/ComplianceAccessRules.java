package io.credence.compliance.web;

import io.credence.platform.HttpAccessRules;
import io.credence.platform.Roles;
import io.credence.platform.WalletRoles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Everything under {@code /api/v1/compliance} needs a configured compliance wallet: 401 without a
 * session, 403 for any other wallet.
 */
@Component
class ComplianceAccessRules implements HttpAccessRules {

  private final WalletRoles roles;

  ComplianceAccessRules(WalletRoles roles) {
    this.roles = roles;
  }

  @Override
  public void configure(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules
        .requestMatchers("/api/v1/compliance", "/api/v1/compliance/**")
        .access(roles.requires(Roles.COMPLIANCE));
  }
}
