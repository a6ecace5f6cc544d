package io.credence.demo.internal;

/** The demo chains could not start; {@link #action()} says what the operator can do. */
public final class DemoStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String action;

  public DemoStartException(String message, String action, Throwable cause) {
    super(message, cause);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
