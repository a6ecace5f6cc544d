package io.credence.platform.internal;

import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Process-wide infrastructure beans: time and randomness are injected, never reached for. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  SecureRandom secureRandom() {
    return new SecureRandom();
  }
}
