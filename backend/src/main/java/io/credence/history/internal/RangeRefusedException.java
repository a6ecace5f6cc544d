package io.credence.history.internal;

/** The node refused an {@code eth_getLogs} range (too many results or too many blocks). */
class RangeRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RangeRefusedException(String message) {
    super(message);
  }
}
