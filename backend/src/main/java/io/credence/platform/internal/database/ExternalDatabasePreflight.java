package io.credence.platform.internal.database;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Checks an external database as soon as its DataSource exists, so that an unreachable server fails
 * start-up with one line naming the host instead of a pool's stack trace. The embedded server is
 * started by Credence itself and needs no check.
 */
@Component
class ExternalDatabasePreflight implements BeanPostProcessor {

  private final ObjectProvider<DataSourceProperties> properties;
  private boolean checked;

  ExternalDatabasePreflight(ObjectProvider<DataSourceProperties> properties) {
    this.properties = properties;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource && !checked) {
      DataSourceProperties props = properties.getIfAvailable();
      if (props != null && StringUtils.hasText(props.getUrl())) {
        checked = true;
        check(props.getUrl(), props.determineUsername(), props.determinePassword());
      }
    }
    return bean;
  }

  static void check(String jdbcUrl, String username, String password) {
    Properties info = new Properties();
    if (username != null) {
      info.setProperty("user", username);
    }
    if (password != null) {
      info.setProperty("password", password);
    }
    info.setProperty("connectTimeout", "10");
    info.setProperty("loginTimeout", "15");
    try (Connection connection = DriverManager.getConnection(jdbcUrl, info)) {
      connection.isValid(5);
    } catch (SQLException e) {
      throw new DatabaseUnreachableException(describe(jdbcUrl), reason(e));
    }
  }

  /** host:port/database from a JDBC URL, with any query string (which may hold secrets) dropped. */
  static String describe(String jdbcUrl) {
    try {
      URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
      String host = uri.getHost() == null ? "localhost" : uri.getHost();
      int port = uri.getPort() == -1 ? 5432 : uri.getPort();
      String path = uri.getPath() == null ? "" : uri.getPath();
      return host + ":" + port + path;
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      return "the configured spring.datasource.url";
    }
  }

  private static String reason(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("28")) {
      return "authentication failed for the configured user";
    }
    if (state.equals("3D000")) {
      return "the database does not exist";
    }
    Throwable cause = e.getCause();
    if (cause instanceof java.net.UnknownHostException) {
      return "unknown host";
    }
    if (cause instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (cause instanceof java.net.SocketTimeoutException) {
      return "connection timed out";
    }
    return "connection failed (SQL state " + (state.isEmpty() ? "unknown" : state) + ")";
  }
}
