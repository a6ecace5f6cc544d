package io.credence.history;

import io.credence.platform.ApiProblemException;
import org.springframework.http.HttpStatus;

/**
 * A chain's current positions could not be read (node down or a bad answer): a history without them
 * would understate the borrower's debt, so none is given. {@code 503 chain-unavailable}.
 */
public final class PositionsUnavailableException extends ApiProblemException {

  private static final long serialVersionUID = 1L;

  PositionsUnavailableException(Throwable cause) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "chain-unavailable",
        "Chain unavailable",
        "The current lending positions could not be read from a configured chain; try again"
            + " later.");
    initCause(cause);
  }
}
