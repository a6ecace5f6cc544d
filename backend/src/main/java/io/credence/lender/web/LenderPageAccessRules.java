package io.credence.lender.web;

import io.credence.platform.HttpAccessRules;
import io.credence.platform.RateLimitedEndpoint;
import io.credence.platform.Roles;
import io.credence.platform.WalletRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * "Verify" and "Look up" are open to anyone (the look-up reads every chain, so it is rate-limited
 * per client like the public attestation API); "My verifications" needs a lender wallet (issue 16).
 */
@Component
class LenderPageAccessRules implements HttpAccessRules {

  private final WalletRoles roles;

  LenderPageAccessRules(WalletRoles roles) {
    this.roles = roles;
  }

  @Bean
  static RateLimitedEndpoint lookupPerClient() {
    return new RateLimitedEndpoint(
        HttpMethod.GET, "/verify/lookup", "attestation-public-per-client");
  }

  @Override
  public void configure(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules
        .requestMatchers("/verify", "/verify/lookup")
        .permitAll()
        .requestMatchers("/lender", "/lender/**")
        .access(roles.requires(Roles.LENDER));
  }
}
