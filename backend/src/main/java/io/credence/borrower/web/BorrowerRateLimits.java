package io.credence.borrower.web;

import io.credence.platform.RateLimitedEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Sign-in and linking are limited per client here and per wallet in the controllers (the wallet is
 * only known from the body).
 */
@Configuration(proxyBeanMethods = false)
class BorrowerRateLimits {

  @Bean
  RateLimitedEndpoint signInPerClient() {
    return new RateLimitedEndpoint(HttpMethod.POST, "/api/v1/auth/siwe", "sign-in-per-client");
  }

  @Bean
  RateLimitedEndpoint linkPerClient() {
    return new RateLimitedEndpoint(HttpMethod.POST, "/api/v1/wallets", "link-per-client");
  }
}
