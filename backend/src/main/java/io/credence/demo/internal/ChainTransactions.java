package io.credence.demo.internal;

import io.credence.demo.DemoAccounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Sends the demo accounts' transactions to one local chain and sets each block's time, so seeded
 * history can lie in the past (Anvil's {@code evm_setNextBlockTimestamp}).
 */
final class ChainTransactions {

  /** 2 gwei, 15M gas: enough for the verifier's deployment on Anvil's 30M-gas blocks. */
  static final ContractGasProvider GAS =
      new StaticGasProvider(BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(15_000_000L));

  final long chainId;
  final Web3j web3j;
  private final HttpService http;
  private final Map<Integer, TransactionManager> senders = new HashMap<>();
  private long lastTime;

  ChainTransactions(long chainId, String rpcUrl) {
    this.chainId = chainId;
    this.http = new HttpService(rpcUrl);
    this.web3j = Web3j.build(http);
  }

  /** The transaction manager of a demo account (one per account, so nonces stay in step). */
  TransactionManager as(int account) {
    return senders.computeIfAbsent(
        account,
        a ->
            new FastRawTransactionManager(
                web3j,
                DemoAccounts.credentials(a),
                chainId,
                new PollingTransactionReceiptProcessor(web3j, 20, 1500)));
  }

  /** The next block is mined at {@code time} (or one second after the last, if that is later). */
  void at(Instant time) {
    long next = Math.max(time.getEpochSecond(), lastTime + 1);
    rpc("evm_setNextBlockTimestamp", next);
    lastTime = next;
  }

  /** Mines one empty block at {@code time}. */
  void mineAt(Instant time) {
    at(time);
    rpc("evm_mine");
  }

  Object rpc(String method, Object... params) {
    try {
      Response<?> response = new Request<>(method, List.of(params), http, Raw.class).send();
      if (response.hasError()) {
        throw new IllegalStateException(method + ": " + response.getError().getMessage());
      }
      return response.getResult();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether contract code is deployed at {@code address}. */
  boolean hasCode(String address) {
    String code = code(address);
    return code != null && code.length() > 2;
  }

  /** The code at {@code address} (0x-prefixed hex; {@code 0x} when there is none). */
  String code(String address) {
    try {
      return web3j
          .ethGetCode(address, org.web3j.protocol.core.DefaultBlockParameterName.LATEST)
          .send()
          .getCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long blockNumber() {
    try {
      return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void close() {
    web3j.shutdown();
  }

  /** A raw JSON-RPC answer. */
  static final class Raw extends Response<Object> {}
}
