package io.credence.scoring.artifact;

/** A model artifact is unreadable, malformed, or its bytes do not match the expected model id. */
public final class ModelIntegrityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelIntegrityException(String message) {
    super(message);
  }

  public ModelIntegrityException(String message, Throwable cause) {
    super(message, cause);
  }
}
