package io.credence.history.internal;

/**
 * A chain could not be read: RPC unreachable, an error answer or a response that makes no sense.
 */
public class ChainReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ChainReadException(String message) {
    super(message);
  }

  ChainReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
