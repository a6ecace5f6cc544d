package io.credence.platform;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details with stable type URIs: {@code urn:credence:problem:<slug>}. The slugs
 * are part of the API contract (docs/api.md); never reuse or rename one.
 */
public final class Problems {

  public static final String TYPE_PREFIX = "urn:credence:problem:";

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_PREFIX + slug));
    problem.setTitle(title);
    return problem;
  }
}
