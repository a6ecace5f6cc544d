package io.credence.platform.internal.web;

import io.credence.platform.ApiProblemException;
import io.credence.platform.Problems;
import io.credence.platform.RateLimitedException;
import java.net.URI;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every REST error as an RFC 9457 problem with a stable type. Unexpected failures are logged here
 * with their stack trace and answered with a generic 500 that names nothing internal.
 */
@RestControllerAdvice(basePackages = "io.credence")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiProblemException.class)
  ResponseEntity<ProblemDetail> refused(ApiProblemException e) {
    var response = ResponseEntity.status(e.status());
    if (e instanceof RateLimitedException limited) {
      response.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
    }
    return response.body(Problems.of(e.status(), e.slug(), e.title(), e.getMessage()));
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ProblemDetail tooLarge(PayloadTooLargeException e) {
    return Problems.of(
        HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request too large", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("Unhandled error", e);
    return Problems.of(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "Something went wrong on our side; it has been logged.");
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail =
        ex.getBindingResult().getFieldErrors().stream()
            .map(f -> f.getField() + " " + f.getDefaultMessage())
            .sorted()
            .collect(Collectors.joining("; "));
    return ResponseEntity.badRequest()
        .body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (RequestBodyLimitFilter.causedBySlowBody(ex)) {
      return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT)
          .header(HttpHeaders.CONNECTION, "close")
          .body(
              Problems.of(
                  HttpStatus.REQUEST_TIMEOUT,
                  "request-timeout",
                  "Request body too slow",
                  "the request body did not arrive in time"));
    }
    if (causedByOversizedBody(ex)) {
      return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
          .body(
              Problems.of(
                  HttpStatus.CONTENT_TOO_LARGE,
                  "payload-too-large",
                  "Request too large",
                  "the request body exceeds the limit for this endpoint"));
    }
    return ResponseEntity.badRequest()
        .body(
            Problems.of(
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                "Malformed request",
                "the request body is not valid JSON of the expected shape"));
  }

  /** Framework errors keep their status but get our stable type and no internal detail. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(
      @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem
        && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      problem.setType(URI.create(Problems.TYPE_PREFIX + "http-" + statusCode.value()));
      // The framework's details quote the request ("Failed to convert 'id' with value ..."):
      // never echo input back, whatever it is.
      problem.setDetail(genericDetail(statusCode));
    }
    return new ResponseEntity<>(body, headers, statusCode);
  }

  private static String genericDetail(HttpStatusCode status) {
    if (status.value() == HttpStatus.BAD_REQUEST.value()) {
      return "a parameter or path segment is missing or not of the expected form";
    }
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "the request was refused" : known.getReasonPhrase().toLowerCase();
  }

  private static boolean causedByOversizedBody(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PayloadTooLargeException) {
        return true;
      }
    }
    return false;
  }
}
