package io.credence.platform.internal.web;

import java.io.IOException;

/** A request body went past its endpoint's limit; thrown while reading, so nothing was parsed. */
public final class PayloadTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException(long limit) {
    super("the request body exceeds " + limit + " bytes");
  }
}
