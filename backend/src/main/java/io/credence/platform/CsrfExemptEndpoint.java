package io.credence.platform;

import org.springframework.http.HttpMethod;

/**
 * An endpoint that takes no CSRF token: a public API that machines call without a session (the
 * lender's {@code POST /api/v1/verify}). Modules declare these as beans; the platform's filter
 * chain skips the CSRF check for them and for nothing else. Only an endpoint whose effect on a
 * signed-in caller is harmless if forged may be exempt (session cookies are {@code SameSite=Lax},
 * so a cross-site form or script does not send them with a POST anyway).
 *
 * @param method the HTTP method
 * @param path the exact request path
 */
public record CsrfExemptEndpoint(HttpMethod method, String path) {}
