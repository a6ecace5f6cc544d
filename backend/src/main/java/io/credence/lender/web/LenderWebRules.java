package io.credence.lender.web;

import io.credence.platform.CsrfExemptEndpoint;
import io.credence.platform.HttpAccessRules;
import io.credence.platform.RateLimitedEndpoint;
import io.credence.platform.Roles;
import io.credence.platform.WalletRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Verification is public: no sign-in, no CSRF token (lenders' servers call it), limited per client
 * address before anything else runs. A lender's history needs a configured lender wallet.
 */
@Configuration(proxyBeanMethods = false)
class LenderWebRules {

  static final String VERIFY = "/api/v1/verify";

  @Bean
  HttpAccessRules lenderAccessRules(WalletRoles roles) {
    return rules ->
        rules
            .requestMatchers(HttpMethod.POST, VERIFY)
            .permitAll()
            .requestMatchers(HttpMethod.GET, "/api/v1/attestations/*/public")
            .permitAll()
            .requestMatchers("/api/v1/verifications", "/api/v1/verifications/**")
            .access(roles.requires(Roles.LENDER));
  }

  @Bean
  RateLimitedEndpoint verifyPerClient() {
    return new RateLimitedEndpoint(HttpMethod.POST, VERIFY, "verify-per-client");
  }

  @Bean
  CsrfExemptEndpoint verifyWithoutCsrf() {
    return new CsrfExemptEndpoint(HttpMethod.POST, VERIFY);
  }
}
