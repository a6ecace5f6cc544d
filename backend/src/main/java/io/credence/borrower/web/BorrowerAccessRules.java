package io.credence.borrower.web;

import io.credence.platform.HttpAccessRules;
import io.credence.platform.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Sign-in is open to anyone; wallets are the signed-in borrower's own. */
@Component
class BorrowerAccessRules implements HttpAccessRules {

  @Override
  public void configure(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules
        .requestMatchers(HttpMethod.POST, "/api/v1/auth/siwe", "/api/v1/auth/logout")
        .permitAll()
        .requestMatchers("/sign-in", "/sign-out")
        .permitAll()
        .requestMatchers(HttpMethod.POST, "/api/v1/auth/logout-everywhere")
        .hasAuthority(Roles.BORROWER)
        .requestMatchers("/api/v1/wallets/**", "/wallets/**")
        .hasAuthority(Roles.BORROWER);
  }
}
