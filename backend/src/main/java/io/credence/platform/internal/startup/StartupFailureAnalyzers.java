package io.credence.platform.internal.startup;

import io.credence.platform.internal.database.DatabaseUnreachableException;
import io.credence.platform.internal.database.EmbeddedDatabaseException;
import io.credence.platform.internal.database.InstanceAlreadyRunningException;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;

/** What went wrong at start-up and what to do, for the failures an operator can fix. */
final class StartupFailureAnalyzers {

  private StartupFailureAnalyzers() {}

  @Order(Ordered.HIGHEST_PRECEDENCE)
  static final class AlreadyRunning
      extends AbstractFailureAnalyzer<InstanceAlreadyRunningException> {
    @Override
    protected FailureAnalysis analyze(Throwable root, InstanceAlreadyRunningException cause) {
      return new FailureAnalysis(
          cause.getMessage(),
          "Leave it running and use it, stop it first, or start this one with its own"
              + " CREDENCE_DATA_DIR.",
          cause);
    }
  }

  @Order(Ordered.HIGHEST_PRECEDENCE)
  static final class EmbeddedDatabase extends AbstractFailureAnalyzer<EmbeddedDatabaseException> {
    @Override
    protected FailureAnalysis analyze(Throwable root, EmbeddedDatabaseException cause) {
      return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
  }

  @Order(Ordered.HIGHEST_PRECEDENCE)
  static final class DatabaseUnreachable
      extends AbstractFailureAnalyzer<DatabaseUnreachableException> {
    @Override
    protected FailureAnalysis analyze(Throwable root, DatabaseUnreachableException cause) {
      return new FailureAnalysis(
          cause.getMessage(),
          "Check spring.datasource.url, the credentials and that PostgreSQL at "
              + cause.target()
              + " accepts connections, or remove spring.datasource.url to use the embedded"
              + " database.",
          cause);
    }
  }

  @Order(Ordered.HIGHEST_PRECEDENCE)
  static final class PortInUse extends AbstractFailureAnalyzer<PortInUseException> {
    @Override
    protected FailureAnalysis analyze(Throwable root, PortInUseException cause) {
      return new FailureAnalysis(
          "Port " + cause.getPort() + " is already in use.",
          "Stop what listens on it, or start Credence on another port with PORT=<port> (or"
              + " --server.port=<port>).",
          cause);
    }
  }

  /** A configuration value that does not convert or validate; secrets' values are not echoed. */
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static final class BadConfigurationValue extends AbstractFailureAnalyzer<BindException> {
    @Override
    protected FailureAnalysis analyze(Throwable root, BindException cause) {
      String what;
      if (cause.getCause() instanceof BindValidationException invalid) {
        what =
            invalid.getValidationErrors().getAllErrors().stream()
                .map(
                    error ->
                        error instanceof FieldError field
                            ? property(cause.getName() + "." + field.getField())
                                + shown(field.getField(), field.getRejectedValue())
                                + " "
                                + field.getDefaultMessage()
                            : error.getDefaultMessage())
                .collect(Collectors.joining("; "));
      } else {
        ConfigurationProperty property = cause.getProperty();
        String name = property != null ? property.getName().toString() : cause.getName().toString();
        Object value = property != null ? property.getValue() : null;
        what = name + shown(name, value) + " is not valid: " + reason(cause);
        if (property != null && property.getOrigin() != null) {
          what += " (from " + property.getOrigin() + ")";
        }
      }
      return new FailureAnalysis(
          "Bad configuration value: " + what + ".",
          "Fix the value (docs/operations.md lists every setting) and start again.",
          cause);
    }

    /** {@code credence.embedded-db.maxConnections} as it is written: {@code max-connections}. */
    private static String property(String name) {
      return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String shown(String name, Object value) {
      if (value == null) {
        return "";
      }
      String lower = name.toLowerCase(Locale.ROOT);
      boolean secret =
          lower.contains("password")
              || lower.contains("secret")
              || lower.contains("key")
              || lower.contains("token");
      return secret ? " (value hidden)" : " = \"" + value + "\"";
    }

    private static String reason(Throwable failure) {
      Throwable root = failure;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
  }
}
