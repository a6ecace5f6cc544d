/**
 * Proof of wallet control: EIP-4361 / Solana sign-in messages, single-use nonces, EIP-191 and
 * ed25519 signature checks. Knows nothing of profiles; {@link io.credence.auth.WalletProofs} is its
 * API.
 */
@ApplicationModule(
    displayName = "Auth",
    allowedDependencies = {"platform"})
package io.credence.auth;

import org.springframework.modulith.ApplicationModule;
