package io.credence.platform.internal.web;

import io.credence.platform.RateLimitedEndpoint;
import io.credence.platform.RateLimits;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Installs {@link EarlyRefusalValve} in Tomcat unless {@code credence.rate-limits.early-refusal} is
 * false. The beans it needs are looked up at the first request (the server is built before the
 * database may be reached) and then kept. Refusals it makes are counted in {@code
 * credence.rate-limits.early-refusals} (they never reach {@code http.server.requests}).
 */
@Component
class EarlyRefusals implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  private final RateLimits.Properties properties;
  private final EarlyRefusalValve valve;

  EarlyRefusals(
      RateLimits.Properties properties,
      ObjectProvider<RateLimits> limits,
      ObjectProvider<RateLimitedEndpoint> endpoints,
      ObjectProvider<MeterRegistry> meters,
      JsonMapper json) {
    this.properties = properties;
    this.valve =
        new EarlyRefusalValve(
            SingletonSupplier.of(limits::getIfAvailable),
            SingletonSupplier.of(() -> List.copyOf(endpoints.orderedStream().toList())),
            new RateLimitRefusal(json),
            SingletonSupplier.of(
                () -> {
                  MeterRegistry registry = meters.getIfAvailable();
                  return registry == null
                      ? null
                      : Counter.builder("credence.rate-limits.early-refusals")
                          .description(
                              "requests refused in Tomcat from this instance's memory of refusals")
                          .register(registry);
                }),
            properties.drainRefusedBodies());
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    if (properties.enabled() && properties.earlyRefusal()) {
      factory.addContextValves(valve);
    }
  }
}
