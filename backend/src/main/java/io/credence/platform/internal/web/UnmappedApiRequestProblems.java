package io.credence.platform.internal.web;

import io.credence.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests that reach no controller (unknown path, wrong method, wrong media type) still get an RFC
 * 9457 problem when they are API requests. Portal requests fall through to the HTML error page.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnmappedApiRequestProblems {

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException e, HttpServletRequest request)
      throws NoResourceFoundException {
    requireApi(request, e);
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such API endpoint");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> wrongMethod(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request)
      throws HttpRequestMethodNotSupportedException {
    requireApi(request, e);
    return problem(
        HttpStatus.METHOD_NOT_ALLOWED,
        "method-not-allowed",
        "Method not allowed",
        "this method is not supported on this endpoint");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> wrongMediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request)
      throws HttpMediaTypeNotSupportedException {
    requireApi(request, e);
    return problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
        "Unsupported media type",
        "send application/json");
  }

  /** Rethrowing hands a portal request back to the default handling (the HTML error page). */
  private static <E extends Exception> void requireApi(HttpServletRequest request, E e) throws E {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      throw e;
    }
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String slug, String title, String detail) {
    return ResponseEntity.status(status).body(Problems.of(status, slug, title, detail));
  }
}
