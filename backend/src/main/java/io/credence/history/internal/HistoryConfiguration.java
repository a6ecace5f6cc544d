package io.credence.history.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  ChainsProperties.class,
  HistoryProperties.class,
  RelatedWalletsProperties.class
})
class HistoryConfiguration {}
