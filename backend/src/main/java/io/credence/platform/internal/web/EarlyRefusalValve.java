package io.credence.platform.internal.web;

import io.credence.platform.RateLimitedEndpoint;
import io.credence.platform.RateLimits;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Refuses a client this instance already knows to be over a limit at the earliest point that knows
 * the client: in Tomcat's request pipeline (a context valve, so after the remote-IP valve has
 * resolved a trusted proxy's {@code X-Forwarded-For}), before any servlet filter, Spring Security,
 * session, CSRF token or observation runs, without reading the body and without an exception. It
 * answers only from {@link RateLimits#rememberedRefusalSeconds} — what the shared counter already
 * refused for the rest of the window — and passes everything else on to {@link
 * ClientRateLimitFilter}, which counts and stays the only source of a refusal.
 *
 * <p>The path compared is Tomcat's decoded and normalised one ({@code ;parameters} removed, {@code
 * %xx} decoded, {@code //} and dot segments resolved), the path the servlet is chosen by.
 *
 * <p>A refused request's body is never parsed. When it has already arrived in full (a small JSON
 * body usually comes in the same packets as the headers) it is dropped from the read buffer, so the
 * connection stays open for the client's next request; a body still on its way is not waited for,
 * and Tomcat closes the connection instead ({@code server.tomcat.max-swallow-size=0}). With {@code
 * drain} off, every refused request with a body closes its connection.
 */
final class EarlyRefusalValve extends ValveBase {

  private final Supplier<RateLimits> limits;
  private final Supplier<List<RateLimitedEndpoint>> endpoints;
  private final RateLimitRefusal refusal;
  private final Supplier<Counter> refusals;
  private final boolean drain;

  EarlyRefusalValve(
      Supplier<RateLimits> limits,
      Supplier<List<RateLimitedEndpoint>> endpoints,
      RateLimitRefusal refusal,
      Supplier<Counter> refusals,
      boolean drain) {
    super(true);
    this.drain = drain;
    this.limits = limits;
    this.endpoints = endpoints;
    this.refusal = refusal;
    this.refusals = refusals;
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    RateLimits rateLimits = limits.get();
    if (rateLimits != null && request.getContext() != null) {
      String path =
          request.getDecodedRequestURI().substring(request.getContext().getPath().length());
      String method = request.getMethod();
      for (RateLimitedEndpoint endpoint : endpoints.get()) {
        if (endpoint.path().equals(path) && endpoint.method().matches(method)) {
          long retryAfter =
              rateLimits.rememberedRefusalSeconds(endpoint.limit(), request.getRemoteAddr());
          if (retryAfter > 0) {
            Counter counter = refusals.get();
            if (counter != null) {
              counter.increment();
            }
            if (drain) {
              dropArrivedBody(request); // before the answer: a complete answer closes the input
            }
            refusal.write(response, retryAfter);
            return;
          }
        }
      }
    }
    getNext().invoke(request, response);
  }

  /** Reads and drops the body if all of it is already buffered; never waits for the network. */
  private static void dropArrivedBody(Request request) throws IOException {
    long length = request.getContentLengthLong();
    if (length <= 0) {
      return; // none, or chunked (its length is unknown without reading: the connection closes)
    }
    org.apache.coyote.Request coyote = request.getCoyoteRequest();
    coyote.action(ActionCode.AVAILABLE, Boolean.FALSE); // what is buffered, without a socket read
    if (coyote.getAvailable() >= length) {
      request.getInputStream().skipNBytes(length);
    }
  }
}
