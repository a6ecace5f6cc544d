/**
 * Shared infrastructure every module may use: RFC 9457 problems, the public origin, roles and the
 * security filter chain that applies each module's {@link io.credence.platform.HttpAccessRules},
 * the embedded PostgreSQL, start-up checks. Its API is this package; {@code internal} and {@code
 * web} are its own.
 */
@ApplicationModule(
    displayName = "Platform",
    allowedDependencies = {})
package io.credence.platform;

import org.springframework.modulith.ApplicationModule;
