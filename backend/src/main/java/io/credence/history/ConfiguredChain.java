package io.credence.history;

/**
 * A chain whose lending history is read, as {@code GET /api/v1/chains} shows it.
 *
 * @param publicRpcUrl the RPC URL users may use, or null when none is configured
 * @param registryAddress the Credence registry on this chain, or null
 */
public record ConfiguredChain(long id, String name, String publicRpcUrl, String registryAddress) {}
