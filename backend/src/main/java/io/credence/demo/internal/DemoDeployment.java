package io.credence.demo.internal;

import io.credence.attestations.RegistryClient;
import io.credence.attestations.contracts.ExampleLendingPool;
import io.credence.attestations.demo.DemoAaveOracle;
import io.credence.attestations.demo.DemoAavePool;
import io.credence.attestations.demo.DemoComet;
import io.credence.attestations.demo.DemoPriceFeed;
import io.credence.attestations.demo.DemoToken;
import io.credence.demo.DemoAccounts;
import io.credence.demo.DemoChain;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.web3j.abi.datatypes.Address;
import org.web3j.tx.TransactionManager;

/**
 * Deploys one demo chain's contracts, all from account 0 in a fixed order (so the addresses are the
 * same on every fresh chain): WETH (18 decimals, $3,000) and USDC (6 decimals, $1), the
 * Aave-v3-compatible oracle and pool, Comet's price feeds and market (base USDC, collateral WETH),
 * then the range-proof verifier and the attestation registry (admin account 0) with account 7
 * authorised as issuer, and the example lending pool (minimum score 650, at most 5 ETH a loan,
 * funded with 100 ETH).
 */
final class DemoDeployment {

  static final BigInteger WETH_PRICE = BigInteger.valueOf(3000_00000000L);
  static final BigInteger USDC_PRICE = BigInteger.valueOf(1_00000000L);
  static final int LENDING_POOL_MIN_SCORE = 650;

  private DemoDeployment() {}

  static DemoChain deploy(ChainTransactions chain, String name, String rpcUrl, Instant time)
      throws Exception {
    TransactionManager admin = chain.as(DemoAccounts.ADMIN);
    var web3j = chain.web3j;
    var gas = ChainTransactions.GAS;
    chain.at(time);
    DemoToken weth =
        DemoToken.deploy(web3j, admin, gas, "Wrapped Ether", "WETH", BigInteger.valueOf(18)).send();
    chain.at(time);
    DemoToken usdc =
        DemoToken.deploy(web3j, admin, gas, "USD Coin", "USDC", BigInteger.valueOf(6)).send();
    chain.at(time);
    DemoAaveOracle oracle = DemoAaveOracle.deploy(web3j, admin, gas).send();
    chain.at(time);
    oracle.setAssetPrice(weth.getContractAddress(), WETH_PRICE).send();
    chain.at(time);
    oracle.setAssetPrice(usdc.getContractAddress(), USDC_PRICE).send();
    chain.at(time);
    DemoAavePool pool =
        DemoAavePool.deploy(
                web3j,
                admin,
                gas,
                oracle.getContractAddress(),
                List.of(weth.getContractAddress(), usdc.getContractAddress()))
            .send();
    long startBlock = pool.getTransactionReceipt().orElseThrow().getBlockNumber().longValueExact();
    chain.at(time);
    DemoPriceFeed usdcFeed = DemoPriceFeed.deploy(web3j, admin, gas, USDC_PRICE).send();
    chain.at(time);
    DemoPriceFeed wethFeed = DemoPriceFeed.deploy(web3j, admin, gas, WETH_PRICE).send();
    chain.at(time);
    DemoComet comet =
        DemoComet.deploy(
                web3j,
                admin,
                gas,
                usdc.getContractAddress(),
                usdcFeed.getContractAddress(),
                List.of(weth.getContractAddress()),
                List.of(wethFeed.getContractAddress()))
            .send();
    chain.at(time);
    RegistryClient registry =
        RegistryClient.deploy(
            web3j,
            admin,
            gas,
            new Address(DemoAccounts.credentials(DemoAccounts.ADMIN).getAddress()));
    chain.at(time);
    registry.authorizeIssuer(
        new Address(DemoAccounts.credentials(DemoAccounts.ISSUER).getAddress()));
    chain.at(time);
    ExampleLendingPool lendingPool =
        ExampleLendingPool.deploy(
                web3j,
                admin,
                gas,
                BigInteger.TEN.pow(20),
                registry.address().toString(),
                BigInteger.valueOf(LENDING_POOL_MIN_SCORE),
                BigInteger.valueOf(5).multiply(BigInteger.TEN.pow(18)))
            .send();
    return new DemoChain(
        chain.chainId,
        name,
        rpcUrl,
        startBlock,
        checksum(weth.getContractAddress()),
        checksum(usdc.getContractAddress()),
        checksum(oracle.getContractAddress()),
        checksum(pool.getContractAddress()),
        checksum(usdcFeed.getContractAddress()),
        checksum(wethFeed.getContractAddress()),
        checksum(comet.getContractAddress()),
        checksum(registry.verifier().toString()),
        checksum(registry.address().toString()),
        checksum(lendingPool.getContractAddress()));
  }

  private static String checksum(String address) {
    return org.web3j.crypto.Keys.toChecksumAddress(address);
  }
}
