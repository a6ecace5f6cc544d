package io.credence.platform.internal.database;

/** The configured external PostgreSQL could not be reached; the message never holds credentials. */
public final class DatabaseUnreachableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String target;
  private final String reason;

  DatabaseUnreachableException(String target, String reason) {
    super("Cannot reach PostgreSQL at " + target + ": " + reason);
    this.target = target;
    this.reason = reason;
  }

  public String target() {
    return target;
  }

  String reason() {
    return reason;
  }
}
