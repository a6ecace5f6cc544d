package io.credence.scoring.data;

/** A labelled CSV file cannot be used; the message says what is wrong and where. */
public final class InvalidDatasetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidDatasetException(String message) {
    super(message);
  }
}
