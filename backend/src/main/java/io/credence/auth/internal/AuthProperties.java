package io.credence.auth.internal;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Wallet sign-in settings.
 *
 * @param nonceTtl how long an issued nonce may be used
 * @param clockSkew tolerance for a wallet's clock when checking Issued At / Not Before
 * @param evmChainIds EVM chain ids a borrower may sign in or link on
 * @param solanaClusters Solana chain ids (clusters) a borrower may link on
 * @param statement the human-readable statement the portal puts in its messages
 */
@ConfigurationProperties("credence.auth")
@Validated
public record AuthProperties(
    @NotNull @DefaultValue("10m") Duration nonceTtl,
    @NotNull @DefaultValue("2m") Duration clockSkew,
    @NotEmpty @DefaultValue({"1", "10", "137", "8453", "42161", "31337"}) List<Long> evmChainIds,
    @NotEmpty @DefaultValue({"mainnet", "devnet", "testnet", "localnet"})
        List<String> solanaClusters,
    @NotNull @DefaultValue("Sign in to Credence to prove you control this wallet.")
        String statement) {}
