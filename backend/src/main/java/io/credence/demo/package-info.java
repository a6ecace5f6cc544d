/**
 * The local two-chain demo of the default run: two Anvil nodes (chain ids 31337 and 31338) with
 * their state under the data folder, the demo lending markets, the attestation registry, verifier
 * and example lending pool deployed on each, and seeded histories for Anvil's test-mnemonic
 * accounts (docs/demo.md). It configures those chains exactly as an operator would ({@code
 * credence.chains[...]}), so no other module knows it is a demo. Off with {@code
 * credence.demo.enabled=false}, and by itself when {@code credence.chains} is configured.
 */
@ApplicationModule(
    displayName = "Demo",
    allowedDependencies = {})
package io.credence.demo;

import org.springframework.modulith.ApplicationModule;
