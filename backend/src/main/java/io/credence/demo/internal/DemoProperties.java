package io.credence.demo.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The two-chain demo of the default run ({@code credence.demo.*}); bound before the context starts,
 * because the chains it starts are configuration for the rest of the server.
 *
 * @param enabled start the demo chains; they also stay off when {@code credence.chains} is set
 * @param dataDir where the chains' state, manifests and logs are kept across restarts
 * @param firstPort chain 31337's RPC port on 127.0.0.1; 31338 gets the next one; 0 = any free ports
 *     (the configuration then changes at each start)
 * @param anvilBinary the Anvil executable; empty = the one the build installs ({@code
 *     attestations/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil} above the jar or the
 *     working folder), then {@code CREDENCE_ANVIL}, then {@code anvil} on the PATH
 */
@ConfigurationProperties("credence.demo")
public record DemoProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("./.credence/demo-chains") Path dataDir,
    @DefaultValue("8545") int firstPort,
    Path anvilBinary) {}
