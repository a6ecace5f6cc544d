package io.credence.attestation.internal;

import io.credence.attestations.RegistryClient;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * The relayer's view of the configured chains: registry clients whose every transaction is written
 * to the outbox ({@link Journal}) <em>before</em> it is broadcast, receipts, head blocks and the
 * relayer's balance. Holds no database transaction.
 */
final class ChainGateway {

  /** Records a signed transaction's hash before it leaves the process. */
  interface Journal {
    /**
     * @throws IllegalStateException if the rows are no longer this instance's (nothing is sent)
     */
    void record(String txHash);

    /** The node refused the transaction (e.g. the relayer cannot pay for gas): nothing is out. */
    void refused(String txHash);
  }

  private static final BigInteger GAS_LIMIT = BigInteger.valueOf(12_000_000);
  private static final BigInteger ONE_GWEI = BigInteger.TEN.pow(9);

  private final Credentials relayer;
  private final Duration receiptTimeout;
  private final ConcurrentHashMap<Long, Web3j> clients = new ConcurrentHashMap<>();

  ChainGateway(Credentials relayer, Duration receiptTimeout) {
    this.relayer = relayer;
    this.receiptTimeout = receiptTimeout;
  }

  String relayerAddress() {
    return relayer.getAddress();
  }

  Web3j web3j(AttestationChains.Chain chain) {
    return clients.computeIfAbsent(chain.id(), id -> Web3j.build(new HttpService(chain.rpcUrl())));
  }

  /** A registry client sending as the relayer; {@code journal} sees each hash before broadcast. */
  RegistryClient registry(AttestationChains.Chain chain, Journal journal) throws IOException {
    Web3j web3j = web3j(chain);
    long pollMs = 100;
    int attempts = (int) Math.max(1, receiptTimeout.toMillis() / pollMs);
    RawTransactionManager tx =
        new RawTransactionManager(
            web3j,
            relayer,
            chain.id(),
            new PollingTransactionReceiptProcessor(web3j, pollMs, attempts)) {
          @Override
          public EthSendTransaction signAndSend(RawTransaction raw) throws IOException {
            String signed = sign(raw);
            String hash = Hash.sha3(signed);
            journal.record(hash);
            EthSendTransaction sent = web3j.ethSendRawTransaction(signed).send();
            if (sent.hasError()) {
              journal.refused(hash);
            }
            return sent;
          }
        };
    return RegistryClient.at(
        web3j, tx, new StaticGasProvider(gasPrice(web3j), GAS_LIMIT), chain.registryAddress());
  }

  /**
   * Twice the latest block's base fee plus a 1 gwei tip (EIP-1559 chains), else the node's
   * suggestion. Never a multiple of the node's suggestion: on nodes that suggest from recent
   * transactions' prices, paying a multiple of it feeds back and doubles the price with every
   * transaction (the issuance benchmark drained the relayer that way).
   */
  private static BigInteger gasPrice(Web3j web3j) throws IOException {
    var block =
        web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
    if (block != null && block.getBaseFeePerGasRaw() != null) {
      return Numeric.decodeQuantity(block.getBaseFeePerGasRaw())
          .multiply(BigInteger.TWO)
          .add(ONE_GWEI);
    }
    return web3j.ethGasPrice().send().getGasPrice();
  }

  /** A registry client for reads only. */
  RegistryClient reader(AttestationChains.Chain chain) throws IOException {
    return registry(
        chain,
        new Journal() {
          @Override
          public void record(String txHash) {
            throw new IllegalStateException("read-only registry client");
          }

          @Override
          public void refused(String txHash) {}
        });
  }

  Optional<TransactionReceipt> receipt(AttestationChains.Chain chain, String txHash)
      throws IOException {
    var response = web3j(chain).ethGetTransactionReceipt(txHash).send();
    if (response.hasError()) {
      throw new IOException("receipt: " + response.getError().getMessage());
    }
    return response.getTransactionReceipt();
  }

  /** Whether the node knows the transaction (pending or mined). */
  boolean known(AttestationChains.Chain chain, String txHash) throws IOException {
    var response = web3j(chain).ethGetTransactionByHash(txHash).send();
    if (response.hasError()) {
      throw new IOException("transaction: " + response.getError().getMessage());
    }
    return response.getTransaction().isPresent();
  }

  long head(AttestationChains.Chain chain) throws IOException {
    return web3j(chain).ethBlockNumber().send().getBlockNumber().longValueExact();
  }

  BigInteger balance(AttestationChains.Chain chain) throws IOException {
    return web3j(chain)
        .ethGetBalance(relayer.getAddress(), DefaultBlockParameterName.LATEST)
        .send()
        .getBalance();
  }

  void close() {
    clients.values().forEach(Web3j::shutdown);
  }

  @Override
  public String toString() {
    return "ChainGateway[relayer=" + relayer.getAddress() + "]";
  }
}
