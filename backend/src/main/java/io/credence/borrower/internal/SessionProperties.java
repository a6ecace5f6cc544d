package io.credence.borrower.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Borrower session settings (the idle timeout is {@code server.servlet.session.timeout}).
 *
 * @param absoluteLifetime a session ends this long after its sign-in, however active it is
 */
@ConfigurationProperties("credence.sessions")
@Validated
record SessionProperties(@NotNull @DefaultValue("7d") Duration absoluteLifetime) {}
