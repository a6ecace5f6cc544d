package io.credence.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * A real Anvil node per chain id, started once per test JVM and shared by every test class that
 * asks for the same chain id (the binary from the attestations module's npm install, or {@code
 * CREDENCE_ANVIL}). Output goes to {@code target/anvil-<chainId>.log}.
 */
public final class AnvilNode {

  /**
   * Anvil's development keys (mnemonic "test test ... junk", accounts 0..9): public test data,
   * never a secret.
   */
  public static final List<String> DEV_KEYS =
      List.of(
          "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
          "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
          "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
          "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
          "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
          "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");

  private static final ConcurrentHashMap<Long, AnvilNode> NODES = new ConcurrentHashMap<>();

  /** Anvil methods such as mining many blocks can take longer than OkHttp's 10 s default. */
  private static final java.util.function.Function<String, HttpService> SLOW_CALLS =
      url ->
          new HttpService(
              url,
              new okhttp3.OkHttpClient.Builder()
                  .readTimeout(java.time.Duration.ofMinutes(5))
                  .build());

  private final long chainId;
  private final String rpcUrl;
  private final Web3j web3j;

  private AnvilNode(long chainId, String rpcUrl) {
    this.chainId = chainId;
    this.rpcUrl = rpcUrl;
    this.web3j = Web3j.build(new HttpService(rpcUrl));
  }

  /** The shared node for this chain id, started on first use and stopped when the JVM exits. */
  public static AnvilNode chain(long chainId) {
    return NODES.computeIfAbsent(chainId, AnvilNode::start);
  }

  private static AnvilNode start(long chainId) {
    try {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Path log = Path.of("target", "anvil-" + chainId + ".log");
      Files.createDirectories(log.getParent());
      Process process =
          new ProcessBuilder(
                  binary().toString(),
                  "--host",
                  "127.0.0.1",
                  "--port",
                  Integer.toString(port),
                  "--chain-id",
                  Long.toString(chainId),
                  "--accounts",
                  "10",
                  "--hardfork",
                  "cancun")
              .redirectErrorStream(true)
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      CompletableFuture<Void> listening = new CompletableFuture<>();
      Thread pump =
          new Thread(
              () -> {
                try (BufferedReader in =
                        new BufferedReader(
                            new InputStreamReader(
                                process.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter out =
                        new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = in.readLine()) != null) {
                    out.println(line);
                    out.flush();
                    if (line.startsWith("Listening on")) {
                      listening.complete(null);
                    }
                  }
                  listening.completeExceptionally(new IllegalStateException("anvil exited"));
                } catch (IOException e) {
                  listening.completeExceptionally(new UncheckedIOException(e));
                }
              },
              "anvil-" + chainId);
      pump.setDaemon(true);
      pump.start();
      listening.get(60, TimeUnit.SECONDS);
      return new AnvilNode(chainId, "http://127.0.0.1:" + port);
    } catch (Exception e) {
      throw new IllegalStateException("could not start Anvil for chain " + chainId, e);
    }
  }

  static Path binary() {
    String configured = System.getenv("CREDENCE_ANVIL");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path path =
        Path.of(
            "..",
            "attestations",
            "node_modules",
            "@foundry-rs",
            "anvil-linux-amd64",
            "bin",
            "anvil");
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException(
          "No Anvil binary at " + path.toAbsolutePath() + "; build attestations first");
    }
    return path;
  }

  public long chainId() {
    return chainId;
  }

  public String rpcUrl() {
    return rpcUrl;
  }

  public Web3j web3j() {
    return web3j;
  }

  public Credentials account(int index) {
    return Credentials.create(DEV_KEYS.get(index));
  }

  /** Calls an Anvil/EVM method ({@code evm_snapshot}, {@code anvil_mine}, ...); its raw result. */
  public Object rpc(String method, Object... params) {
    try {
      Response<?> response =
          new Request<>(method, List.of(params), SLOW_CALLS.apply(rpcUrl), Raw.class).send();
      if (response.hasError()) {
        throw new IllegalStateException(method + ": " + response.getError().getMessage());
      }
      return response.getResult();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public long blockNumber() {
    try {
      return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Raw JSON-RPC response. */
  public static final class Raw extends Response<Object> {}
}
