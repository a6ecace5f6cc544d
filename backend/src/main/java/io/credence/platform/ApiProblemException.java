package io.credence.platform;

import org.springframework.http.HttpStatus;

/**
 * A refusal the caller should see as an RFC 9457 problem. The message is shown to the caller, so it
 * must name nothing internal.
 */
public abstract class ApiProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final String slug;
  private final String title;

  protected ApiProblemException(HttpStatus status, String slug, String title, String detail) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  /**
   * For refusals thrown often and on purpose (a flood), where a stack trace would only cost CPU.
   *
   * @param stackTrace false: the exception records no stack trace
   */
  protected ApiProblemException(
      HttpStatus status, String slug, String title, String detail, boolean stackTrace) {
    super(detail, null, false, stackTrace);
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }
}
