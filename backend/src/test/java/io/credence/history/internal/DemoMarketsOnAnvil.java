package io.credence.history.internal;

import io.credence.attestations.demo.DemoAaveOracle;
import io.credence.attestations.demo.DemoAavePool;
import io.credence.attestations.demo.DemoComet;
import io.credence.attestations.demo.DemoPriceFeed;
import io.credence.attestations.demo.DemoToken;
import io.credence.support.AnvilNode;
import java.math.BigInteger;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * The demo lending markets deployed on a test Anvil by account 0: WETH (18 decimals, $3,000) and
 * USDC (6 decimals, $1); an Aave-v3-compatible pool with its oracle; a Comet with USDC as base and
 * WETH as collateral.
 */
final class DemoMarketsOnAnvil {

  static final StaticGasProvider GAS =
      new StaticGasProvider(BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(8_000_000));

  final AnvilNode node;
  final DemoToken weth;
  final DemoToken usdc;
  final DemoAaveOracle oracle;
  final DemoAavePool pool;
  final DemoComet comet;

  private DemoMarketsOnAnvil(
      AnvilNode node,
      DemoToken weth,
      DemoToken usdc,
      DemoAaveOracle oracle,
      DemoAavePool pool,
      DemoComet comet) {
    this.node = node;
    this.weth = weth;
    this.usdc = usdc;
    this.oracle = oracle;
    this.pool = pool;
    this.comet = comet;
  }

  static TransactionManager sender(AnvilNode node, Credentials who) {
    return new RawTransactionManager(
        node.web3j(),
        who,
        node.chainId(),
        new PollingTransactionReceiptProcessor(node.web3j(), 50, 200));
  }

  static DemoMarketsOnAnvil deploy(AnvilNode node) throws Exception {
    TransactionManager admin = sender(node, node.account(0));
    var web3j = node.web3j();
    DemoToken weth =
        DemoToken.deploy(web3j, admin, GAS, "Wrapped Ether", "WETH", BigInteger.valueOf(18)).send();
    DemoToken usdc =
        DemoToken.deploy(web3j, admin, GAS, "USD Coin", "USDC", BigInteger.valueOf(6)).send();
    DemoAaveOracle oracle = DemoAaveOracle.deploy(web3j, admin, GAS).send();
    oracle.setAssetPrice(weth.getContractAddress(), BigInteger.valueOf(3000_00000000L)).send();
    oracle.setAssetPrice(usdc.getContractAddress(), BigInteger.valueOf(1_00000000L)).send();
    DemoAavePool pool =
        DemoAavePool.deploy(
                web3j,
                admin,
                GAS,
                oracle.getContractAddress(),
                List.of(weth.getContractAddress(), usdc.getContractAddress()))
            .send();
    DemoPriceFeed usdcFeed =
        DemoPriceFeed.deploy(web3j, admin, GAS, BigInteger.valueOf(1_00000000L)).send();
    DemoPriceFeed wethFeed =
        DemoPriceFeed.deploy(web3j, admin, GAS, BigInteger.valueOf(3000_00000000L)).send();
    DemoComet comet =
        DemoComet.deploy(
                web3j,
                admin,
                GAS,
                usdc.getContractAddress(),
                usdcFeed.getContractAddress(),
                List.of(weth.getContractAddress()),
                List.of(wethFeed.getContractAddress()))
            .send();
    return new DemoMarketsOnAnvil(node, weth, usdc, oracle, pool, comet);
  }

  DemoAavePool poolAs(int account) {
    return DemoAavePool.load(
        pool.getContractAddress(), node.web3j(), sender(node, node.account(account)), GAS);
  }

  DemoComet cometAs(int account) {
    return DemoComet.load(
        comet.getContractAddress(), node.web3j(), sender(node, node.account(account)), GAS);
  }

  String address(int account) {
    return node.account(account).getAddress();
  }

  ChainsProperties.Chain chain(int maxBlockRange) {
    return new ChainsProperties.Chain(
        node.chainId(),
        "anvil-" + node.chainId(),
        node.rpcUrl(),
        null,
        0,
        maxBlockRange,
        0,
        null,
        List.of(aaveMarket(), cometMarket()));
  }

  ChainsProperties.Market aaveMarket() {
    return new ChainsProperties.Market(
        Protocol.AAVE_V3, pool.getContractAddress(), oracle.getContractAddress());
  }

  ChainsProperties.Market cometMarket() {
    return new ChainsProperties.Market(Protocol.COMPOUND_V3, comet.getContractAddress(), null);
  }

  static BigInteger weth(String amount) {
    return new java.math.BigDecimal(amount).movePointRight(18).toBigIntegerExact();
  }

  static BigInteger usdc(String amount) {
    return new java.math.BigDecimal(amount).movePointRight(6).toBigIntegerExact();
  }
}
