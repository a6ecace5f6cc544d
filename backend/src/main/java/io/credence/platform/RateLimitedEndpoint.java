package io.credence.platform;

import org.springframework.http.HttpMethod;

/**
 * An endpoint limited per client address. Modules declare these as beans; the platform counts each
 * matching request against {@code limit} before anything else runs (no session, no CSRF token, no
 * controller), so a refused request costs one counter update, or none once this instance remembers
 * the refusal (see {@link RateLimits}).
 *
 * @param method the HTTP method
 * @param path the exact request path, e.g. {@code /api/v1/auth/nonce}
 * @param limit a configured limit name (see {@link RateLimits})
 */
public record RateLimitedEndpoint(HttpMethod method, String path, String limit) {}
