package io.credence.history.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * JSON-RPC reads of one chain. Every failure is a {@link ChainReadException}; a refused log range
 * is a {@link RangeRefusedException} so the caller can shrink it.
 */
class ChainReader {

  /**
   * How nodes say a log query is too big: geth "query returned more than 10000 results", Alchemy
   * "Log response size exceeded", Infura "query returned more than", QuickNode/others "block range
   * too large"/"exceed maximum block range", code -32005 (limit exceeded).
   */
  private static final Pattern RANGE_REFUSED =
      Pattern.compile(
          "more than \\d+ results|response size exceeded|block range|range too large|too many"
              + " blocks|exceed(s|ed)? (the )?max|limit exceeded",
          Pattern.CASE_INSENSITIVE);

  private final Web3j web3j;
  private final long chainId;

  ChainReader(Web3j web3j, long chainId) {
    this.web3j = web3j;
    this.chainId = chainId;
  }

  long chainId() {
    return chainId;
  }

  long headBlock() {
    return send("eth_blockNumber", () -> web3j.ethBlockNumber().send())
        .getBlockNumber()
        .longValueExact();
  }

  /** The block header at {@code number} (hash and time); a ChainReadException if missing. */
  BlockHeader block(long number) {
    return findBlock(number)
        .orElseThrow(() -> new ChainReadException("chain " + chainId + ": no block " + number));
  }

  /** The block header at {@code number}, or empty when the chain is not that long (any more). */
  java.util.Optional<BlockHeader> findBlock(long number) {
    EthBlock answer =
        send(
            "eth_getBlockByNumber",
            () ->
                web3j
                    .ethGetBlockByNumber(
                        DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
                    .send());
    EthBlock.Block block = answer.getBlock();
    if (block == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new BlockHeader(
            number,
            block.getHash().toLowerCase(Locale.ROOT),
            Instant.ofEpochSecond(block.getTimestamp().longValueExact())));
  }

  /** The logs of one market with {@code wallet} at one of the given indexed positions. */
  List<Log> logs(
      String market, List<String> topics, int walletPosition, String wallet, long from, long to) {
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
            DefaultBlockParameter.valueOf(BigInteger.valueOf(to)),
            market);
    filter.addOptionalTopics(topics.toArray(String[]::new));
    String walletTopic = Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(wallet), 64);
    for (int position = 1; position <= walletPosition; position++) {
      if (position == walletPosition) {
        filter.addSingleTopic(walletTopic);
      } else {
        filter.addNullTopic();
      }
    }
    EthLog answer;
    try {
      answer = web3j.ethGetLogs(filter).send();
    } catch (IOException e) {
      throw new ChainReadException(
          "chain " + chainId + ": eth_getLogs failed: " + e.getMessage(), e);
    }
    if (answer.hasError()) {
      String message = answer.getError().getMessage();
      if (answer.getError().getCode() == -32005 || RANGE_REFUSED.matcher(message).find()) {
        throw new RangeRefusedException(message);
      }
      throw new ChainReadException("chain " + chainId + ": eth_getLogs: " + message);
    }
    List<Log> logs = new ArrayList<>();
    for (EthLog.LogResult<?> result : answer.getLogs()) {
      if (!(result.get() instanceof Log log) || log.isRemoved()) {
        continue;
      }
      logs.add(log);
    }
    return logs;
  }

  /** {@code eth_call} at a block; the decoded outputs. */
  @SuppressWarnings("rawtypes")
  List<Type> call(String contract, Function function, long block) {
    String data = FunctionEncoder.encode(function);
    var answer =
        send(
            "eth_call",
            () ->
                web3j
                    .ethCall(
                        Transaction.createEthCallTransaction(null, contract, data),
                        DefaultBlockParameter.valueOf(BigInteger.valueOf(block)))
                    .send());
    List<Type> values =
        FunctionReturnDecoder.decode(answer.getValue(), function.getOutputParameters());
    if (values.size() != function.getOutputParameters().size()) {
      throw new ChainReadException(
          "chain " + chainId + ": " + function.getName() + " on " + contract + " gave no answer");
    }
    return values;
  }

  @SuppressWarnings("rawtypes")
  static Function function(String name, List<Type> inputs, List<TypeReference<?>> outputs) {
    return new Function(name, inputs, outputs);
  }

  /** {@code eth_getTransactionCount} of an address at a block. */
  long transactionCount(String address, long block) {
    return send(
            "eth_getTransactionCount",
            () ->
                web3j
                    .ethGetTransactionCount(
                        address, DefaultBlockParameter.valueOf(BigInteger.valueOf(block)))
                    .send())
        .getTransactionCount()
        .longValueExact();
  }

  private interface Call<T> {
    T send() throws IOException;
  }

  private <T extends Response<?>> T send(String method, Call<T> call) {
    T answer;
    try {
      answer = call.send();
    } catch (IOException | RuntimeException e) {
      throw new ChainReadException(
          "chain " + chainId + ": " + method + " failed: " + e.getMessage(), e);
    }
    if (answer.hasError()) {
      throw new ChainReadException(
          "chain " + chainId + ": " + method + ": " + answer.getError().getMessage());
    }
    return answer;
  }

  record BlockHeader(long number, String hash, Instant time) {}
}
