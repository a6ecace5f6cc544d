package io.credence.history.web;

import io.credence.platform.HttpAccessRules;
import io.credence.platform.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Sync and history are the signed-in borrower's own; the chain list is public. */
@Component
class HistoryAccessRules implements HttpAccessRules {

  @Override
  public void configure(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules
        .requestMatchers(HttpMethod.GET, "/api/v1/chains")
        .permitAll()
        .requestMatchers("/api/v1/sync", "/api/v1/history")
        .hasAuthority(Roles.BORROWER);
  }
}
