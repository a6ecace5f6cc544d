package io.credence.platform.internal.database;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param dataRoot where the server's data (and its generated password) live; survives restarts
 * @param binaryCache where the server binaries are unpacked once and shared between runs
 * @param port TCP port on 127.0.0.1; 0 picks a free one at every start
 * @param databaseName the database Credence uses
 * @param osUserWhenRoot PostgreSQL refuses to run as root: the OS user that runs it in that case
 * @param ephemeral wipe the data at start and at stop (tests)
 * @param maxConnections the server's connection limit
 * @param durable fsync and synchronous commit; only throw-away test databases turn this off
 * @param relocationRoot when Credence runs as root and {@code osUserWhenRoot} cannot reach the data
 *     root (a 0700 folder), the server's files go under this system folder instead
 */
@ConfigurationProperties("credence.embedded-db")
@Validated
public record EmbeddedDatabaseProperties(
    @NotNull Path dataRoot,
    @NotNull Path binaryCache,
    @Min(0) @Max(65535) int port,
    @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,62}") @DefaultValue("credence")
        String databaseName,
    @NotBlank @DefaultValue("nobody") String osUserWhenRoot,
    boolean ephemeral,
    @Min(10) @Max(1000) @DefaultValue("50") int maxConnections,
    @DefaultValue("true") boolean durable,
    @NotNull @DefaultValue("/var/lib/credence") Path relocationRoot) {}
