package io.credence.platform.internal.web;

import java.io.IOException;

/** A request body was still arriving at its read deadline; the connection is dropped. */
final class BodyTooSlowException extends IOException {

  private static final long serialVersionUID = 1L;

  BodyTooSlowException() {
    super("request body read deadline passed");
  }
}
