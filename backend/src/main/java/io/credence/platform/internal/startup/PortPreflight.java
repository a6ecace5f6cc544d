package io.credence.platform.internal.startup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses a taken HTTP port before anything starts (the embedded PostgreSQL included), so a second
 * server on the same port fails in a second with one line instead of after a database start-up. The
 * web server's own bind stays the real check; this only makes the common case quick.
 */
public final class PortPreflight
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    if (event.getSpringApplication().getWebApplicationType() != WebApplicationType.SERVLET) {
      return;
    }
    ConfigurableEnvironment env = event.getEnvironment();
    int port;
    InetAddress address;
    try {
      port = env.getProperty("server.port", Integer.class, 8080);
      address = env.getProperty("server.address", InetAddress.class);
    } catch (ConversionException | IllegalArgumentException badValue) {
      return; // configuration binding reports the bad value with its name
    }
    if (port <= 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(
          address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port));
    } catch (IOException taken) {
      throw new PortInUseException(port, taken);
    }
  }

  /** After logging is set up, so the failure is reported with the application's log levels. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 100;
  }
}
