package io.credence.auth.internal;

import io.credence.auth.ChainFamily;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A parsed EIP-4361 (Sign-In with Ethereum) or Sign-In-With-Solana message. Both share one grammar;
 * only the account line and the address format differ.
 */
public record SignInMessage(
    Optional<String> scheme,
    String domain,
    ChainFamily family,
    String address,
    Optional<String> statement,
    URI uri,
    String version,
    String chainId,
    String nonce,
    Instant issuedAt,
    Optional<Instant> expirationTime,
    Optional<Instant> notBefore,
    Optional<String> requestId,
    List<URI> resources) {}
