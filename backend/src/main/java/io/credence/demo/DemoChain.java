package io.credence.demo;

/**
 * One demo chain as deployed: its node and every contract on it. The deployer (account 0) deploys
 * in the same order on both chains, so the addresses are the same on both (CREATE addresses follow
 * from the deployer's nonce).
 *
 * @param chainId EIP-155 chain id (31337 or 31338)
 * @param name the chain name in exported histories ({@code demo-a}, {@code demo-b})
 * @param rpcUrl the node's JSON-RPC URL
 * @param startBlock the block the lending markets were deployed in (where history reading starts)
 * @param weth the demo WETH token (18 decimals)
 * @param usdc the demo USDC token (6 decimals)
 * @param aaveOracle the Aave-v3-compatible price oracle (USD, 8 decimals)
 * @param aavePool the Aave-v3-compatible pool
 * @param usdcPriceFeed Comet's USDC price feed
 * @param wethPriceFeed Comet's WETH price feed
 * @param comet the Compound-v3-compatible market (base USDC, collateral WETH)
 * @param verifier the Bulletproofs range-proof verifier
 * @param registry the Credence attestation registry (admin account 0, issuer account 7)
 * @param lendingPool the example lending pool that lends to holders of a score of at least 650
 */
public record DemoChain(
    long chainId,
    String name,
    String rpcUrl,
    long startBlock,
    String weth,
    String usdc,
    String aaveOracle,
    String aavePool,
    String usdcPriceFeed,
    String wethPriceFeed,
    String comet,
    String verifier,
    String registry,
    String lendingPool) {}
