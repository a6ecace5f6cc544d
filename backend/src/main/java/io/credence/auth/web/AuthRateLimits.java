package io.credence.auth.web;

import io.credence.platform.RateLimitedEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Nonces are free to ask for, so they are limited per client. */
@Configuration(proxyBeanMethods = false)
class AuthRateLimits {

  @Bean
  RateLimitedEndpoint noncePerClient() {
    return new RateLimitedEndpoint(HttpMethod.GET, "/api/v1/auth/nonce", "nonce-per-client");
  }
}
