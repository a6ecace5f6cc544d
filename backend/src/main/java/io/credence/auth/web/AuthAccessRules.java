package io.credence.auth.web;

import io.credence.platform.HttpAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Anyone may ask for a nonce: it is the first step of every sign-in. */
@Component
class AuthAccessRules implements HttpAccessRules {

  @Override
  public void configure(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules.requestMatchers(HttpMethod.GET, "/api/v1/auth/nonce").permitAll();
  }
}
