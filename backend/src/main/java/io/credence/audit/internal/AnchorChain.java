package io.credence.audit.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few JSON-RPC calls anchoring needs, with EIP-155 signed legacy transactions. */
final class AnchorChain {

  private static final HexFormat HEX = HexFormat.of();
  private static final BigInteger GAS_LIMIT = BigInteger.valueOf(200_000);
  private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(60);

  private final URI rpc;
  private final long chainId;
  private final Credentials sender;
  private final JsonMapper json;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final AtomicLong ids = new AtomicLong();

  AnchorChain(URI rpc, long chainId, Credentials sender, JsonMapper json) {
    this.rpc = rpc;
    this.chainId = chainId;
    this.sender = sender;
    this.json = json;
  }

  long chainId() {
    return chainId;
  }

  long nodeChainId() {
    return quantity(call("eth_chainId", List.of())).longValueExact();
  }

  /** Deploys init code; returns the new contract's address once mined. */
  String deploy(byte[] initCode) {
    JsonNode receipt = transact(null, initCode);
    return receipt.get("contractAddress").asString();
  }

  /** Sends data to a contract; returns the receipt once mined. */
  JsonNode send(String to, byte[] data) {
    return transact(to, data);
  }

  byte[] code(String address) {
    return bytes(call("eth_getCode", List.of(address, "latest")).asString());
  }

  /** Every log a contract emitted from {@code fromBlock} on: its data, oldest first. */
  List<byte[]> logData(String address, long fromBlock) {
    JsonNode logs =
        call(
            "eth_getLogs",
            List.of(
                Map.of(
                    "address",
                    address,
                    "fromBlock",
                    "0x" + Long.toHexString(fromBlock),
                    "toBlock",
                    "latest")));
    List<byte[]> data = new ArrayList<>();
    for (JsonNode log : logs) {
      data.add(bytes(log.get("data").asString()));
    }
    return data;
  }

  private JsonNode transact(String to, byte[] data) {
    BigInteger nonce =
        quantity(call("eth_getTransactionCount", List.of(sender.getAddress(), "pending")));
    BigInteger gasPrice = quantity(call("eth_gasPrice", List.of()));
    RawTransaction tx =
        RawTransaction.createTransaction(
            nonce,
            gasPrice,
            GAS_LIMIT,
            to == null ? "" : to,
            BigInteger.ZERO,
            "0x" + HEX.formatHex(data));
    byte[] signed = TransactionEncoder.signMessage(tx, chainId, sender);
    String hash = call("eth_sendRawTransaction", List.of("0x" + HEX.formatHex(signed))).asString();
    Instant deadline = Instant.now().plus(RECEIPT_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      JsonNode receipt = call("eth_getTransactionReceipt", List.of(hash));
      if (receipt != null && !receipt.isNull()) {
        if (!"0x1".equals(receipt.get("status").asString())) {
          throw new AnchorException("anchor transaction " + hash + " reverted");
        }
        return receipt;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AnchorException("interrupted waiting for " + hash);
      }
    }
    throw new AnchorException("anchor transaction " + hash + " not mined in time");
  }

  private JsonNode call(String method, List<?> params) {
    String body =
        json.writeValueAsString(
            Map.of(
                "jsonrpc", "2.0", "id", ids.incrementAndGet(), "method", method, "params", params));
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(rpc)
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode reply = json.readTree(response.body());
      if (reply.hasNonNull("error")) {
        throw new AnchorException(
            method + " failed: " + reply.get("error").path("message").asString());
      }
      return reply.get("result");
    } catch (IOException e) {
      throw new AnchorException(method + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AnchorException(method + " interrupted");
    }
  }

  private static BigInteger quantity(JsonNode hex) {
    return new BigInteger(hex.asString().substring(2), 16);
  }

  static byte[] bytes(String hex) {
    String digits = hex.startsWith("0x") ? hex.substring(2) : hex;
    return HEX.parseHex(digits);
  }

  /** Anchoring failed; the log itself is unaffected and the next attempt retries. */
  static final class AnchorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AnchorException(String message) {
      super(message);
    }
  }
}
