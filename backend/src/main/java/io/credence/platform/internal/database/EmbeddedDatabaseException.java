package io.credence.platform.internal.database;

/**
 * The embedded PostgreSQL could not be set up or started. The message says what is wrong and the
 * action what to do; neither holds a password.
 */
public final class EmbeddedDatabaseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String action;

  EmbeddedDatabaseException(String message, String action, Throwable cause) {
    super(message, cause);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
