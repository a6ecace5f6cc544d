package io.credence.platform.internal.web;

import io.credence.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps API request bodies and bounds how long any body may take to arrive. A declared length over
 * the cap is refused before anything is read; a body without a declared length is cut off when it
 * passes the cap. A body still arriving after the read deadline (a slow sender holding a
 * connection) fails the request and the connection is closed; Tomcat's connection timeout bounds
 * each single read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimitFilter extends OncePerRequestFilter {

  private final long limit;
  private final long deadlineNanos;
  private final JsonMapper json;

  RequestBodyLimitFilter(
      @Value("${credence.api.max-body-bytes:16384}") long limit,
      @Value("${credence.api.body-read-timeout:10s}") java.time.Duration deadline,
      JsonMapper json) {
    this.limit = limit;
    this.deadlineNanos = deadline.toNanos();
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    long cap = api ? limit : Long.MAX_VALUE; // portal forms: Tomcat's max-http-form-post-size
    if (request.getContentLengthLong() > cap) {
      response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setHeader("Connection", "close");
      json.writeValue(
          response.getOutputStream(),
          Problems.of(
              HttpStatus.CONTENT_TOO_LARGE,
              "payload-too-large",
              "Request too large",
              "request bodies on this API are limited to " + limit + " bytes"));
      return;
    }
    try {
      chain.doFilter(
          new Limited(request, cap, System.nanoTime() + deadlineNanos, response), response);
    } catch (BodyTooSlowException e) {
      refuseSlow(response);
    } catch (ServletException | RuntimeException e) {
      if (!causedBySlowBody(e)) {
        throw e;
      }
      refuseSlow(response);
    }
  }

  private void refuseSlow(HttpServletResponse response) throws IOException {
    writeSlow(json, response);
  }

  static void writeSlow(JsonMapper json, HttpServletResponse response) throws IOException {
    response.setHeader("Connection", "close");
    if (!response.isCommitted()) {
      response.resetBuffer();
      response.setStatus(HttpStatus.REQUEST_TIMEOUT.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(
          response.getOutputStream(),
          Problems.of(
              HttpStatus.REQUEST_TIMEOUT,
              "request-timeout",
              "Request body too slow",
              "the request body did not arrive in time"));
    }
  }

  static boolean causedBySlowBody(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodyTooSlowException) {
        return true;
      }
    }
    return false;
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private final long deadline;
    private final HttpServletResponse response;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit, long deadline, HttpServletResponse response) {
      super(request);
      this.limit = limit;
      this.deadline = deadline;
      this.response = response;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), limit, deadline, response);
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private final long deadline;
    private final HttpServletResponse response;
    private long count;

    CountingStream(ServletInputStream in, long limit, long deadline, HttpServletResponse response) {
      this.in = in;
      this.limit = limit;
      this.deadline = deadline;
      this.response = response;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        advance(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = in.read(buffer, off, len);
      if (n > 0) {
        advance(n);
      }
      return n;
    }

    private void advance(int n) throws IOException {
      count += n;
      if (count > limit) {
        throw new PayloadTooLargeException(limit);
      }
      if (System.nanoTime() - deadline > 0 && !in.isFinished()) {
        response.setHeader("Connection", "close"); // do not wait for the rest of the body
        throw new BodyTooSlowException();
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
