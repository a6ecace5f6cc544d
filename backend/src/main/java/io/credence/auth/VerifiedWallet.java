package io.credence.auth;

/**
 * A wallet whose holder just signed a valid message for this server. The nonce is not yet consumed:
 * {@link WalletProofs#consumeNonce} does that inside the transaction that acts on it.
 *
 * @param family signature scheme
 * @param chainId chain the message was signed for ("1", "137", "mainnet" …)
 * @param address canonical address: lower-case hex for EVM, base58 for Solana
 * @param nonce the message's nonce
 */
public record VerifiedWallet(ChainFamily family, String chainId, String address, String nonce) {}
