package io.credence.attestation;

import io.credence.attestations.Bytes32;
import io.credence.attestations.Eip712;
import io.credence.attestations.RegistryClient;
import io.credence.support.AnvilNode;
import io.credence.support.TestWallets;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterNumber;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Shared set-up of the issuance tests: registries deployed on real Anvil chains with the test
 * issuer authorised, histories written the way the history module stores a sync, consents signed
 * like a wallet's {@code eth_signTypedData_v4}.
 */
public final class IssuanceFixtures {

  /** Anvil dev keys (public test data): account 0 deploys, 1 relays, 5 issues. */
  public static final String RELAYER_KEY = AnvilNode.DEV_KEYS.get(1);

  public static final String ISSUER_KEY = AnvilNode.DEV_KEYS.get(5);

  /** A test-only AES-256 key for the sealed openings. */
  public static final String OPENING_KEY =
      "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  static final StaticGasProvider GAS =
      new StaticGasProvider(BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(12_000_000));

  private IssuanceFixtures() {}

  /** Deploys a registry administered by account 0 and authorises the test issuer. */
  public static RegistryClient registry(AnvilNode node) {
    try {
      var admin =
          new RawTransactionManager(
              node.web3j(),
              node.account(0),
              node.chainId(),
              new PollingTransactionReceiptProcessor(node.web3j(), 50, 400));
      RegistryClient registry =
          RegistryClient.deploy(
              node.web3j(), admin, GAS, new Address(node.account(0).getAddress()));
      registry.authorizeIssuer(new Address(Credentials.create(ISSUER_KEY).getAddress()));
      return registry;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A wallet's EIP-712 signature of {@code MintConsent(uid, chainId, registry)}. */
  public static String consent(TestWallets.Evm wallet, String uid, long chainId, String registry) {
    byte[] sig =
        Eip712.sign(
            Eip712.consentDigest(Bytes32.parse(uid), chainId, new Address(registry)),
            wallet.keys());
    return "0x" + HexFormat.of().formatHex(sig);
  }

  /**
   * Writes a lending history for {@code wallet} on {@code chainId} as a finished sync would have
   * stored it: a wallet active for two years, a year and a half of monthly USDC loans against WETH
   * collateral, each repaid after three weeks, and the chain's sync marked done now.
   */
  public static void seedGoodHistory(
      JdbcClient jdbc, String profileId, String wallet, long chainId, Instant now) {
    awaitQueuedSyncs(jdbc, profileId);
    String w = wallet.toLowerCase(Locale.ROOT);
    Instant start = now.minus(Duration.ofDays(720));
    int log = 0;
    event(jdbc, chainId, w, "Supply", "WETH", 18, "10000000000000000000", "30000", start, log++);
    for (int month = 0; month < 20; month++) {
      Instant borrow = start.plus(Duration.ofDays(10 + 30L * month));
      event(jdbc, chainId, w, "Borrow", "USDC", 6, "2000000000", "2000", borrow, log++);
      event(
          jdbc,
          chainId,
          w,
          "Repay",
          "USDC",
          6,
          "2000000000",
          "2000",
          borrow.plus(Duration.ofDays(21)),
          log++);
    }
    jdbc.sql(
            "INSERT INTO history_wallet_fact (wallet, chain_id, first_tx_at, tx_count, at_block,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (wallet, chain_id) DO NOTHING")
        .params(
            w,
            chainId,
            Timestamp.from(start.minus(Duration.ofDays(30))),
            240,
            1000,
            Timestamp.from(now))
        .update();
    markSynced(jdbc, profileId, chainId, now);
  }

  /** A liquidation of {@code wallet}, synced just now. */
  public static void seedLiquidation(
      JdbcClient jdbc, String profileId, String wallet, long chainId, Instant at) {
    String w = wallet.toLowerCase(Locale.ROOT);
    event(
        jdbc,
        chainId,
        w,
        "Borrow",
        "USDC",
        6,
        "20000000000",
        "20000",
        at.minus(Duration.ofDays(3)),
        9000);
    event(jdbc, chainId, w, "LiquidationCall", "USDC", 6, "15000000000", "15000", at, 9001);
    markSynced(jdbc, profileId, chainId, at.plusSeconds(2));
  }

  /**
   * Signing in links the wallet, which queues a sync of every configured chain (asynchronously);
   * waits for that, so it cannot overwrite the seeded "done" afterwards.
   */
  static void awaitQueuedSyncs(JdbcClient jdbc, String profileId) {
    Instant deadline = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(deadline)
        && jdbc.sql("SELECT count(*) FROM history_sync WHERE profile_id = ?")
                .param(UUID.fromString(profileId))
                .query(Long.class)
                .single()
            == 0) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static void markSynced(JdbcClient jdbc, String profileId, long chainId, Instant finished) {
    jdbc.sql(
            """
            INSERT INTO history_sync (profile_id, chain_id, state, requested_at, finished_at)
            VALUES (?, ?, 'DONE', ?, ?)
            ON CONFLICT (profile_id, chain_id) DO UPDATE SET state = 'DONE',
              finished_at = EXCLUDED.finished_at
            """)
        .params(
            UUID.fromString(profileId), chainId, Timestamp.from(finished), Timestamp.from(finished))
        .update();
  }

  private static void event(
      JdbcClient jdbc,
      long chainId,
      String wallet,
      String name,
      String symbol,
      int decimals,
      String amount,
      String usd,
      Instant at,
      int logIndex) {
    String tx =
        "0x"
            + String.format(
                "%064x",
                new BigInteger(1, (wallet + name + logIndex).getBytes())
                    .mod(BigInteger.TWO.pow(256)));
    jdbc.sql(
            """
            INSERT INTO history_event (chain_id, tx_hash, log_index, wallet, market, protocol,
              event_name, wallet_role, account, actor, asset, asset_symbol, asset_decimals, amount,
              price_usd, amount_usd, block_number, block_hash, block_time)
            VALUES (?, ?, ?, ?, ?, 'AAVE_V3', ?, 'ACCOUNT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            chainId,
            tx,
            logIndex,
            wallet,
            "0x00000000000000000000000000000000000a4e01",
            name,
            wallet,
            wallet,
            "0x000000000000000000000000000000000000" + ("USDC".equals(symbol) ? "0c01" : "e701"),
            symbol,
            decimals,
            new java.math.BigDecimal(amount),
            new java.math.BigDecimal(usd)
                .divide(
                    new java.math.BigDecimal(amount).movePointLeft(decimals),
                    18,
                    java.math.RoundingMode.HALF_UP),
            new java.math.BigDecimal(usd),
            1000L + logIndex,
            "0x" + "ab".repeat(32),
            Timestamp.from(at))
        .update();
  }

  /**
   * Relayer transactions mined in blocks {@code from..head} whose input contains {@code needle}.
   */
  public static long relayerTransactionsContaining(AnvilNode node, long fromBlock, String needle)
      throws java.io.IOException {
    String relayer = Credentials.create(RELAYER_KEY).getAddress().toLowerCase(Locale.ROOT);
    long head = node.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
    long count = 0;
    for (long b = fromBlock; b <= head; b++) {
      EthBlock.Block block =
          node.web3j()
              .ethGetBlockByNumber(new DefaultBlockParameterNumber(b), true)
              .send()
              .getBlock();
      for (EthBlock.TransactionResult<?> r : block.getTransactions()) {
        var t = (EthBlock.TransactionObject) r.get();
        if (relayer.equalsIgnoreCase(t.getFrom())
            && t.getInput().toLowerCase(Locale.ROOT).contains(needle)) {
          count++;
        }
      }
    }
    return count;
  }

  public static List<String> noWallets() {
    return List.of();
  }
}
