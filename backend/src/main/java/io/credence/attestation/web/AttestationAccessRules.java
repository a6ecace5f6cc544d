package io.credence.attestation.web;

import io.credence.platform.HttpAccessRules;
import io.credence.platform.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * A borrower's attestations are their own. Only these paths: {@code
 * /api/v1/attestations/{uid}/public} belongs to the lender module's rules.
 */
@Component
class AttestationAccessRules implements HttpAccessRules {

  @Override
  public void configure(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules
        .requestMatchers(HttpMethod.GET, "/api/v1/attestations", "/api/v1/attestations/*")
        .hasAuthority(Roles.BORROWER)
        .requestMatchers(HttpMethod.POST, "/api/v1/attestations", "/api/v1/attestations/*/consents")
        .hasAuthority(Roles.BORROWER)
        .requestMatchers(HttpMethod.DELETE, "/api/v1/attestations/*")
        .hasAuthority(Roles.BORROWER)
        .requestMatchers(
            HttpMethod.GET, "/api/v1/attestations/*/package", "/api/v1/attestations/*/opening")
        .hasAuthority(Roles.BORROWER);
  }
}
