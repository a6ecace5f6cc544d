package io.credence.attestations;

/** A credential package document is malformed or internally inconsistent. */
public final class CredentialFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public CredentialFormatException(String message) {
    super(message);
  }
}
